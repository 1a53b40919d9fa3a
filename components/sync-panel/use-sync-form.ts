"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { namespaceCheckQuery } from "@/components/browse/use-browse-queries";
import { useDebouncedValue } from "@/components/browse/use-debounced";
import { selectionCount, selectionRequest, type SyncSelection } from "@/components/browse/selection";
import { namespaceNameSchema } from "@/lib/swr/names";
import type { RepositoryRef } from "@/lib/validation/browse";
import { MAX_TAGS_PER_JOB, type SyncJobRequest } from "./sync-request";
import { MAX_EXISTING_CHECK, useExistingTags } from "./use-existing-tags";
import { useJobPlan } from "./use-job-plan";

export type NamespaceStatus =
  | { kind: "empty" }
  | { kind: "invalid" }
  | { kind: "noRegion" }
  | { kind: "checking" }
  | { kind: "exists"; auth: number }
  | { kind: "missing" }
  | { kind: "failed"; error: unknown };

/** Why the panel does not ask which tags the target already has: a rule selects them, or too many to ask about. */
export type ExistingCheckSkipped = "rule" | "many" | null;

/** What the person entered in the sync panel, and what the app knows about it so far. */
export function useSyncForm(source: RepositoryRef, selection: SyncSelection) {
  const [targetRegion, setTargetRegion] = useState("");
  const [namespace, setNamespace] = useState(source.namespace);
  const [override, setOverride] = useState(false);
  const [attempted, setAttempted] = useState(false);

  const trimmed = namespace.trim();
  const followsRule = namespaceNameSchema.safeParse(trimmed).success;
  // The existence check and the plan wait until typing pauses.
  const settled = useDebouncedValue(trimmed, 300);
  const check = useQuery({
    ...namespaceCheckQuery(targetRegion, settled),
    enabled: targetRegion !== "" && followsRule && settled === trimmed,
  });

  let namespaceStatus: NamespaceStatus;
  if (trimmed === "") namespaceStatus = { kind: "empty" };
  else if (!followsRule) namespaceStatus = { kind: "invalid" };
  else if (targetRegion === "") namespaceStatus = { kind: "noRegion" };
  else if (settled !== trimmed || check.isPending) namespaceStatus = { kind: "checking" };
  else if (check.isError) namespaceStatus = { kind: "failed", error: check.error };
  else if (check.data.exists) namespaceStatus = { kind: "exists", auth: check.data.auth ?? 0 };
  else namespaceStatus = { kind: "missing" };

  const request: SyncJobRequest = {
    sourceRegion: source.region,
    sourceNamespace: source.namespace,
    sourceRepository: source.repository,
    targetRegion,
    targetNamespace: trimmed,
    ...selectionRequest(selection),
    override,
  };
  const knownCount = selectionCount(selection);
  const targetChosen = targetRegion !== "" && followsRule && settled === trimmed;
  const plan = useJobPlan(request, targetChosen && (knownCount === null || (knownCount > 0 && knownCount <= MAX_TAGS_PER_JOB)));
  /** The plan's count once known, else what the browser counted. */
  const count = plan.data?.count ?? knownCount;
  const tooManyTags = count !== null && count > MAX_TAGS_PER_JOB;

  const existingCheckSkipped: ExistingCheckSkipped =
    selection.kind !== "tags" ? "rule" : selection.tags.size > MAX_EXISTING_CHECK ? "many" : null;
  // The target repository has the source's name (contract §11 #16); no point asking about a request that cannot be sent.
  const target =
    namespaceStatus.kind === "exists" && !tooManyTags ? { region: targetRegion, namespace: trimmed, repository: source.repository } : null;
  const existing = useExistingTags(existingCheckSkipped ? null : target, "tags" in request ? (request.tags ?? []) : []);

  const ready = targetChosen && plan.isSuccess && plan.data.count > 0 && !tooManyTags;

  return {
    targetRegion,
    setTargetRegion,
    namespace,
    setNamespace,
    override,
    setOverride,
    attempted,
    setAttempted,
    namespaceStatus,
    targetChosen,
    target,
    existing,
    existingCheckSkipped,
    plan,
    count,
    request,
    tooManyTags,
    ready,
  };
}
