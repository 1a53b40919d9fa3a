import "server-only";
import { getSwrClient, isSwrError, type SwrClient } from "@/lib/swr";
import type { AllTagsQuery, RepositoryRef, TagSort, TagsQuery } from "@/lib/validation/browse";
import type { ExistingTagsDto, TagNamesDto, TagPageDto } from "./dto";
import { toPageDto, toTagDto } from "./map";

type TagsSwr = Pick<SwrClient, "listTags" | "listAllTags">;

const ORDER_COLUMN = { updated: "updated_at", name: "tag" } as const satisfies Record<TagSort, string>;
/** The most tag names select-all-matching returns. */
export const MAX_TAG_NAMES = 10_000;
// SWR's largest page, so walking a 5,000-tag repository takes five calls.
const WALK = { pageSize: 1000, maxItems: MAX_TAG_NAMES };
// Whether a tag exists is answered from the whole target repository, read as far as the job's own plan reads it.
const TARGET_WALK = { pageSize: 1000, maxItems: 200_000 };

/** One page of a repository's tags. */
export async function listTags(query: TagsQuery, swr: TagsSwr = getSwrClient()): Promise<TagPageDto> {
  const page = await swr.listTags(query.region, query.namespace, query.repository, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    orderColumn: ORDER_COLUMN[query.sort],
    orderType: query.order,
    tag: query.q,
  });
  return toPageDto(page, query, toTagDto);
}

/** Every tag name matching `q` (select-all-matching), up to MAX_TAG_NAMES. */
export async function listAllTagNames(query: AllTagsQuery, swr: TagsSwr = getSwrClient()): Promise<TagNamesDto> {
  const all = await swr.listAllTags(query.region, query.namespace, query.repository, { tag: query.q }, WALK);
  return { tags: all.items.map((t) => t.Tag), truncated: all.truncated };
}

/**
 * Which of `tags` already exist in a (target) repository, in the order asked, from one walk of its tags however many
 * are asked about; a missing repository or namespace holds none.
 */
export async function findExistingTags(ref: RepositoryRef, tags: readonly string[], swr: TagsSwr = getSwrClient()): Promise<ExistingTagsDto> {
  let digests: Map<string, string>;
  try {
    const all = await swr.listAllTags(ref.region, ref.namespace, ref.repository, {}, TARGET_WALK);
    digests = new Map(all.items.map((t) => [t.Tag, t.digest]));
  } catch (error) {
    if (isSwrError(error) && error.status === 404) return { existing: [] };
    throw error;
  }
  const wanted = [...new Set(tags)];
  return { existing: wanted.flatMap((tag) => (digests.has(tag) ? [{ tag, digest: digests.get(tag) ?? "" }] : [])) };
}
