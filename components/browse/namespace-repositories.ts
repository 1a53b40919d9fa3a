import { queryOptions } from "@tanstack/react-query";
import type { RepositoryPageDto } from "@/lib/browse/dto";
import { MAX_REPOSITORIES_PER_JOB } from "@/lib/jobs/limits";
import { apiUrl, getJson } from "@/lib/query/api-client";
import { MAX_REPOSITORY_PAGE_SIZE } from "@/lib/validation/browse-options";
import { browseKeys } from "./query-keys";

/** Every repository of a namespace (name and tag count), read page by page; `total` says how many SWR has. */
export interface NamespaceRepositories {
  items: { name: string; tagCount: number }[];
  total: number;
}

/** "Select all in this namespace": the namespace's repositories by name, as many as one job may hold and no more. */
export const namespaceRepositoriesQuery = (region: string, namespace: string) =>
  queryOptions({
    queryKey: browseKeys.namespaceRepositories(region, namespace),
    queryFn: async ({ signal }): Promise<NamespaceRepositories> => {
      const items: NamespaceRepositories["items"] = [];
      let total = 0;
      for (let page = 1; ; page++) {
        const url = apiUrl("/api/repositories", { region, namespace, page, pageSize: MAX_REPOSITORY_PAGE_SIZE, sort: "name", order: "asc" });
        const answer = await getJson<RepositoryPageDto>(url, signal);
        total = answer.total;
        items.push(...answer.items.filter((r) => r.namespace === namespace).map((r) => ({ name: r.name, tagCount: r.tagCount })));
        if (answer.items.length < MAX_REPOSITORY_PAGE_SIZE || items.length >= Math.min(total, MAX_REPOSITORIES_PER_JOB)) break;
      }
      return { items: items.slice(0, MAX_REPOSITORIES_PER_JOB), total };
    },
    staleTime: 60_000,
  });
