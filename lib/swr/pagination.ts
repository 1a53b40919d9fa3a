// Pages of SWR list operations (contract §3.5): read Content-Range, walk on total and page length.

export interface Page<T> {
  items: T[];
  /** Matching records in all; a lower bound when SWR sent no Content-Range. */
  total: number;
  offset: number;
  limit: number;
  /** True when `total` came from SWR's Content-Range rather than being inferred. */
  totalKnown?: boolean;
}

export interface ContentRange {
  offset: number;
  /** Documented as the number of records on the page (possibly an end index — unverified, unused). */
  count: number;
  total: number;
}

export function parseContentRange(v: string | null | undefined): ContentRange | undefined {
  const m = /^\s*(\d+)-(\d+)\/(\d+)\s*$/.exec(v ?? "");
  return m ? { offset: Number(m[1]), count: Number(m[2]), total: Number(m[3]) } : undefined;
}

/**
 * A page from its items and Content-Range. Without the header the total is a lower bound that
 * promises one more record after a full page, so walkers ask once more and stop on an empty page.
 */
export function toPage<T>(
  items: T[],
  request: { offset: number; limit: number },
  contentRange: string | undefined,
  fallbackTotal?: number,
): Page<T> {
  const seen = request.offset + items.length;
  const range = parseContentRange(contentRange);
  const total = range?.total ?? fallbackTotal ?? seen + (items.length >= request.limit ? 1 : 0);
  return { items, total: Math.max(total, seen), offset: request.offset, limit: request.limit, totalKnown: range !== undefined };
}

const DEFAULT_MAX_ITEMS = 10_000;

export interface WalkOptions {
  pageSize?: number;
  /** Stop after this many records even if more exist. */
  maxItems?: number;
}

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

/** Yields pages from offset 0 until the total is reached, a page comes back empty, or maxItems is hit. */
export async function* walkPages<T>(fetchPage: FetchPage<T>, { pageSize = 100, maxItems = DEFAULT_MAX_ITEMS }: WalkOptions = {}) {
  let offset = 0;
  while (offset < maxItems) {
    const page = await fetchPage(offset, Math.min(pageSize, maxItems - offset));
    if (page.items.length === 0) return;
    yield page;
    offset += page.items.length;
    if (offset >= page.total) return;
  }
}

export interface AllPages<T> {
  items: T[];
  total: number;
  /** True when maxItems stopped the walk before the last record. */
  truncated: boolean;
}

export async function collectPages<T>(fetchPage: FetchPage<T>, options: WalkOptions = {}): Promise<AllPages<T>> {
  const items: T[] = [];
  let total = 0;
  for await (const page of walkPages(fetchPage, options)) {
    items.push(...page.items);
    total = page.total;
  }
  const truncated = items.length >= (options.maxItems ?? DEFAULT_MAX_ITEMS) && items.length < total;
  return { items, total: truncated ? total : items.length, truncated };
}
