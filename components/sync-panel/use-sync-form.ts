"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { namespaceCheckQuery } from "@/components/browse/use-browse-queries";
import { useDebouncedValue } from "@/components/browse/use-debounced";
import { namespaceNameSchema } from "@/lib/swr/names";
import type { RepositoryRef } from "@/lib/validation/browse";
import { MAX_TAGS_PER_JOB, type SyncJobRequest } from "./sync-request";
import { useExistingTags } from "./use-existing-tags";

export type NamespaceStatus =
  | { kind: "empty" }
  | { kind: "invalid" }
  | { kind: "noRegion" }
  | { kind: "checking" }
  | { kind: "exists"; auth: number }
  | { kind: "missing" }
  | { kind: "failed"; error: unknown };

/** What the person entered in the sync panel, and what the app knows about it so far. */
export function useSyncForm(source: RepositoryRef, tags: readonly string[]) {
  const [targetRegion, setTargetRegion] = useState("");
  const [namespace, setNamespace] = useState(source.namespace);
  const [override, setOverride] = useState(false);
  const [attempted, setAttempted] = useState(false);

  const trimmed = namespace.trim();
  const followsRule = namespaceNameSchema.safeParse(trimmed).success;
  // The existence check waits until typing pauses.
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

  const tooManyTags = tags.length > MAX_TAGS_PER_JOB;
  // The target repository has the source's name (contract §11 #16); no point asking about a request that cannot be sent.
  const target =
    namespaceStatus.kind === "exists" && !tooManyTags ? { region: targetRegion, namespace: trimmed, repository: source.repository } : null;
  const existing = useExistingTags(target, tags);

  const request: SyncJobRequest = {
    sourceRegion: source.region,
    sourceNamespace: source.namespace,
    sourceRepository: source.repository,
    targetRegion,
    targetNamespace: trimmed,
    tags: [...tags],
    override,
  };
  const ready = targetRegion !== "" && followsRule && tags.length > 0 && !tooManyTags;

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
    target,
    existing,
    request,
    tooManyTags,
    ready,
  };
}
