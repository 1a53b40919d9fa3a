import type { TagsQuery } from "@/lib/validation/browse";

// TanStack Query keys of the browse API, in one place so invalidation and prefetching agree.

const all = ["browse"] as const;

export const browseKeys = {
  all,
  syncTargets: (source: string) => [...all, "sync-targets", source] as const,
  namespaces: (region: string) => [...all, "namespaces", region] as const,
  namespaceCheck: (region: string, namespace: string) => [...all, "namespace-check", region, namespace] as const,
  tagPage: (query: TagsQuery) => [...all, "tags", query] as const,
  namespaceRepositories: (region: string, namespace: string) => [...all, "namespace-repositories", region, namespace] as const,
};
