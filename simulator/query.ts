import type { Query } from "@/lib/swr/signing";
import { invalidParameter } from "./errors";
import { single } from "./http";

export type Params = Record<string, string | undefined>;

/** Parses the `filter` mini-language `key::value|key::value` (contract §3.4). */
export function parseFilter(raw: string): Params {
  const out: Params = {};
  for (const pair of raw.split("|")) {
    const sep = pair.indexOf("::");
    if (sep <= 0) throw invalidParameter(`invalid filter "${raw}": expected key::value pairs joined by '|'`);
    out[pair.slice(0, sep)] = pair.slice(sep + 2);
  }
  return out;
}

/** The named parameters, taken from `filter` when it is present (it overrides the individual parameters). */
export function listParams(query: Query, names: readonly string[]): { params: Params; viaFilter: boolean } {
  const filter = single(query, "filter");
  if (filter !== undefined) {
    const parsed = parseFilter(filter);
    return { params: Object.fromEntries(names.map((n) => [n, parsed[n]])), viaFilter: true };
  }
  return { params: Object.fromEntries(names.map((n) => [n, single(query, n)])), viaFilter: false };
}

export interface Page {
  limit: number;
  offset: number;
  /** Both limit and offset were sent, so the answer carries `Content-Range`. */
  explicit: boolean;
}

/**
 * The largest `limit` of every paged list (ListReposDetails, ListRepositoryTags, ShowSyncJob): SWR documents
 * 1000 for the first two and nothing for ShowSyncJob, so the simulator applies the same maximum to all three.
 */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 100;
const DIGITS = /^\d{1,9}$/;

export function parsePage(limit: string | undefined, offset: string | undefined, defaultLimit = DEFAULT_PAGE_SIZE): Page {
  if (limit !== undefined && (!DIGITS.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE_SIZE)) {
    throw invalidParameter(`invalid limit "${limit}": expected an integer from 1 to ${MAX_PAGE_SIZE} (the maximum page size)`);
  }
  if (offset !== undefined && !DIGITS.test(offset)) {
    throw invalidParameter(`invalid offset "${offset}": expected an integer of 0 or more`);
  }
  return {
    limit: limit === undefined ? defaultLimit : Number(limit),
    offset: offset === undefined ? 0 : Number(offset),
    explicit: limit !== undefined && offset !== undefined,
  };
}

/** `Content-Range: offset-count/total` (count = items on the page), sent only when paging was explicit. */
export function rangeHeaders(page: Page, count: number, total: number): Record<string, string> {
  return page.explicit ? { "Content-Range": `${page.offset}-${count}/${total}` } : {};
}

/** One page of `items` and its headers. */
export function paginate<T>(items: readonly T[], page: Page): { items: T[]; headers: Record<string, string> } {
  const slice = items.slice(page.offset, page.offset + page.limit);
  return { items: slice, headers: rangeHeaders(page, slice.length, items.length) };
}

export type OrderType = "asc" | "desc";

export function parseOrderType(value: string | undefined, name = "order_type"): OrderType {
  if (value === undefined || value === "desc") return "desc";
  if (value === "asc") return "asc";
  throw invalidParameter(`invalid ${name} "${value}": expected desc or asc`);
}

/** Sorts by `compare` in the given direction; `tieBreak` (always ascending) keeps the order stable. */
export function sortBy<T>(items: readonly T[], compare: (a: T, b: T) => number, order: OrderType, tieBreak: (a: T, b: T) => number): T[] {
  const sign = order === "asc" ? 1 : -1;
  return [...items].sort((a, b) => sign * compare(a, b) || tieBreak(a, b));
}

export const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
