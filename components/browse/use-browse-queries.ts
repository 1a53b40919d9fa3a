"use client";

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { SyncTargetsDto, TagPageDto, NamespaceCheckDto, NamespacesDto } from "@/lib/browse/dto";
import type { TagsQuery } from "@/lib/validation/browse";
import { apiUrl, getJson } from "@/lib/query/api-client";
import { browseKeys } from "./query-keys";

// Queries of the browse API shared by the repository list, the tag table and the sync panel.

const MINUTE = 60_000;

/** Where a sync from `source` may go, where that list came from, and whether SWR syncs from `source` at all. */
export function useSyncTargets(source: string, enabled = true) {
  return useQuery({
    queryKey: browseKeys.syncTargets(source),
    queryFn: ({ signal }) => getJson<SyncTargetsDto>(apiUrl("/api/regions", { source }), signal),
    staleTime: 10 * MINUTE,
    enabled,
  });
}

export function useNamespaces(region: string | undefined) {
  return useQuery({
    queryKey: browseKeys.namespaces(region ?? ""),
    queryFn: ({ signal }) => getJson<NamespacesDto>(apiUrl("/api/namespaces", { region }), signal),
    enabled: Boolean(region),
    select: (d) => d.namespaces,
  });
}

export const namespaceCheckQuery = (region: string, namespace: string) =>
  queryOptions({
    queryKey: browseKeys.namespaceCheck(region, namespace),
    queryFn: ({ signal }) => getJson<NamespaceCheckDto>(apiUrl("/api/namespaces/check", { region, namespace }), signal),
    staleTime: 15_000,
  });

export function useTagPage(query: TagsQuery) {
  return useQuery({
    queryKey: browseKeys.tagPage(query),
    queryFn: ({ signal }) => getJson<TagPageDto>(apiUrl("/api/tags", { ...query }), signal),
    // The old page stays on screen (and selectable) while the next one loads.
    placeholderData: keepPreviousData,
  });
}
