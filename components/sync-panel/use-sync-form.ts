"use client";

import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { namespaceCheckQuery } from "@/components/browse/use-browse-queries";
import { useDebouncedValue } from "@/components/browse/use-debounced";
import { selectionCount } from "@/components/browse/selection";
import { isNamespaceName } from "@/lib/swr/name-rules";
import { buildSyncRequest, MAX_TAGS_PER_JOB } from "./sync-request";
import { repositoryTagsProblem, scopeRepositories, scopeSource, type RepositoryTags, type SyncScope } from "./sync-scope";
import { addTarget, duplicateTargets, firstTargets, removeTarget, updateTarget, type TargetRow } from "./targets";
import { useJobPlan } from "./use-job-plan";

export type NamespaceStatus =
  | { kind: "empty" }
  | { kind: "invalid" }
  | { kind: "noRegion" }
  | { kind: "checking" }
  | { kind: "exists"; auth: number }
  | { kind: "missing" }
  | { kind: "failed"; error: unknown };

/** A target row with what the app knows about it so far. */
export interface TargetState extends TargetRow {
  namespaceStatus: NamespaceStatus;
  /** The same region and namespace as an earlier row. */
  duplicate: boolean;
  /** Region picked, namespace valid and settled, not a duplicate: the plan may be asked for. */
  chosen: boolean;
}

/** What the person entered in the sync panel, and what the app knows about it so far. */
export function useSyncForm(scope: SyncScope) {
  const source = scopeSource(scope);
  const [rows, setRows] = useState(() => firstTargets(source.namespace));
  const [override, setOverride] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [repositoryTags, setRepositoryTags] = useState<RepositoryTags>({ kind: "all" });

  const trimmed = rows.map((r) => ({ ...r, namespace: r.namespace.trim() }));
  // The existence checks and the plan wait until typing pauses (one string, so a re-render does not restart the wait).
  const typed = JSON.stringify([trimmed.map((r) => [r.region, r.namespace]), repositoryTags]);
  const settled = useDebouncedValue(typed, 300) === typed;
  const followsRule = trimmed.map((r) => isNamespaceName(r.namespace));
  const checks = useQueries({
    queries: trimmed.map((r, i) => ({
      ...namespaceCheckQuery(r.region, r.namespace),
      enabled: r.region !== "" && followsRule[i] === true && settled,
    })),
  });
  const duplicates = duplicateTargets(trimmed);

  const targets: TargetState[] = trimmed.map((r, i) => {
    const check = checks[i];
    let namespaceStatus: NamespaceStatus;
    if (r.namespace === "") namespaceStatus = { kind: "empty" };
    else if (!followsRule[i]) namespaceStatus = { kind: "invalid" };
    else if (r.region === "") namespaceStatus = { kind: "noRegion" };
    else if (!settled || !check || check.isPending) namespaceStatus = { kind: "checking" };
    else if (check.isError) namespaceStatus = { kind: "failed", error: check.error };
    else if (check.data.exists) namespaceStatus = { kind: "exists", auth: check.data.auth ?? 0 };
    else namespaceStatus = { kind: "missing" };
    const duplicate = duplicates.has(r.key);
    return { ...rows[i]!, namespaceStatus, duplicate, chosen: r.region !== "" && followsRule[i] === true && settled && !duplicate };
  });

  const repositories = scopeRepositories(scope, repositoryTags);
  const tagsProblem = repositoryTagsProblem(repositoryTags);
  const request = buildSyncRequest({ source, repositories, targets: trimmed, override });
  const perTarget = repositories.reduce<number | null>((n, r) => {
    const c = selectionCount(r.selection);
    return n === null || c === null ? null : n + c;
  }, 0);
  const knownCount = perTarget === null ? null : perTarget * rows.length;
  const targetChosen = targets.every((t) => t.chosen) && tagsProblem === null;
  const plan = useJobPlan(request, targetChosen && (knownCount === null || (knownCount > 0 && knownCount <= MAX_TAGS_PER_JOB)));
  /** Tasks (tags × targets): the plan's count once known, else what the browser counted. */
  const count = plan.data?.count ?? knownCount;
  const tooManyTags = count !== null && count > MAX_TAGS_PER_JOB;
  const ready = targetChosen && plan.isSuccess && plan.data.count > 0 && !tooManyTags;

  return {
    source,
    targets,
    addTarget: () => setRows((r) => addTarget(r, source.namespace)),
    removeTarget: (key: number) => setRows((r) => removeTarget(r, key)),
    updateTarget: (key: number, patch: Partial<Omit<TargetRow, "key">>) => setRows((r) => updateTarget(r, key, patch)),
    repositoryTags,
    setRepositoryTags,
    tagsProblem,
    override,
    setOverride,
    attempted,
    setAttempted,
    targetChosen,
    plan,
    count,
    request,
    tooManyTags,
    ready,
  };
}
