import type { RepositoriesQuery, RepositoryRef } from "@/lib/validation/browse";
import { toSearch } from "./url-state";

// Addresses of the browse pages, built in one place.

export const REPOSITORY_LIST_DEFAULTS = { page: 1, pageSize: 20, sort: "updated", order: "desc" } as const;

export type RepositoryListState = RepositoriesQuery;

export function repositoriesHref(state: Partial<RepositoryListState> & { region: string }): string {
  const { region, namespace, q, page, pageSize, sort, order } = state;
  return `/repositories${toSearch({ region, namespace, q, page, pageSize, sort, order }, REPOSITORY_LIST_DEFAULTS)}`;
}

/** `/repositories/cn-north-4/team-a/apps/web`: each part of a repository name is its own path segment. */
export function repositoryHref(ref: RepositoryRef): string {
  const path = [ref.region, ref.namespace, ...ref.repository.split("/")].map(encodeURIComponent).join("/");
  return `/repositories/${path}`;
}
