import "server-only";
import { getSwrClient, type SwrClient } from "@/lib/swr";
import type { RepositoriesQuery, RepositoryRef, RepositorySort } from "@/lib/validation/browse";
import type { RepositoryDetailDto, RepositoryPageDto } from "./dto";
import { toPageDto, toRepositoryDetailDto, toRepositorySummaryDto } from "./map";

type RepositoriesSwr = Pick<SwrClient, "listRepos" | "showRepository">;

const ORDER_COLUMN = { updated: "updated_time", name: "name", tags: "tag_count" } as const satisfies Record<RepositorySort, string>;

/** One page of a region's repositories, filtered by namespace and name fragment. */
export async function listRepositories(query: RepositoriesQuery, swr: RepositoriesSwr = getSwrClient()): Promise<RepositoryPageDto> {
  const page = await swr.listRepos(query.region, {
    namespace: query.namespace,
    name: query.q,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    orderColumn: ORDER_COLUMN[query.sort],
    orderType: query.order,
  });
  return toPageDto(page, query, toRepositorySummaryDto);
}

/** One repository's summary; an SwrError with status 404 when it does not exist. */
export async function getRepository(ref: RepositoryRef, swr: RepositoriesSwr = getSwrClient()): Promise<RepositoryDetailDto> {
  return toRepositoryDetailDto(await swr.showRepository(ref.region, ref.namespace, ref.repository), ref.namespace);
}
