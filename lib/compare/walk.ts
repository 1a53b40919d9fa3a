import "server-only";
import { type AllPages, isSwrError, type SwrClient, type Tag } from "@/lib/swr";

// Every tag of one repository in SWR's largest pages: the one walk of a side that the comparison page, job plans,
// sync rounds and the rules page make before comparing. A target SWR does not have yet holds no tags.

export type TagWalkSwr = Pick<SwrClient, "listAllTags">;

/** A repository in a region's namespace. */
export interface RepositoryPlace {
  region: string;
  namespace: string;
  repository: string;
}

// SWR's largest page, so a 5,000-tag repository takes five calls.
const PAGE_SIZE = 1000;

/** Every tag of `place`, at most `maxItems` (then `truncated`); any SwrError, a 404 included, is thrown. */
export function walkTags(swr: TagWalkSwr, place: RepositoryPlace, maxItems: number): Promise<AllPages<Tag>> {
  return swr.listAllTags(place.region, place.namespace, place.repository, {}, { pageSize: PAGE_SIZE, maxItems });
}

/** Every tag of a target repository; a repository (or namespace) SWR does not have (404) holds none. */
export async function walkTargetTags(swr: TagWalkSwr, place: RepositoryPlace, maxItems: number): Promise<AllPages<Tag>> {
  try {
    return await walkTags(swr, place, maxItems);
  } catch (error) {
    if (isSwrError(error) && error.status === 404) return { items: [], total: 0, truncated: false };
    throw error;
  }
}

/** Tag → digest of a walk ("" where SWR gave none). */
export const digestsOf = (walk: AllPages<Tag>): Map<string, string> => new Map(walk.items.map((t) => [t.Tag, t.digest]));
