"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { createLimiter } from "@/lib/collections";
import type { CompareScope } from "@/lib/compare/scope";
import { fetchCompareScope, fetchRepositoryComparison } from "./api";

// A comparison as the page loads it: the list of repositories, then each repository on its own, a few at a time.

/** Repositories this tab asks about at once; the server bounds the SWR reads behind them for everyone. */
export const REPOSITORIES_AT_ONCE = 4;
const tabGate = createLimiter(REPOSITORIES_AT_ONCE);
// A comparison stands until the person asks again; filters and searches never ask SWR.
const STALE_MS = 10 * 60_000;

const all = ["compare"] as const;
export const compareKeys = {
  all,
  scope: (c: CompareScope) => [...all, "scope", c] as const,
  repository: (c: CompareScope, repository: string) => [...all, "repository", c, repository] as const,
};

export function useComparison(comparison: CompareScope) {
  const scope = useQuery({
    queryKey: compareKeys.scope(comparison),
    queryFn: ({ signal }) => fetchCompareScope(comparison, signal),
    staleTime: STALE_MS,
    // A 404 naming what does not exist is the answer, not a hiccup.
    retry: false,
  });
  const names = scope.data?.repositories ?? [];
  const repositories = useQueries({
    queries: names.map((name) => ({
      queryKey: compareKeys.repository(comparison, name),
      queryFn: ({ signal }: { signal: AbortSignal }) => tabGate(() => fetchRepositoryComparison(comparison, name, signal)),
      staleTime: STALE_MS,
    })),
  });
  const settled = repositories.filter((q) => q.isSuccess || q.isError).length;
  return { scope, names, repositories, settled, total: names.length };
}
