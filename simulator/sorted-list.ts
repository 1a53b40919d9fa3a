import type { OrderType } from "./query";

/** Where an item sorts: by `key`, then by `tie`; items of equal key keep `tie` ascending in both directions. */
export interface SortKey {
  key: string;
  tie: string;
}

interface Entry<T> extends SortKey {
  item: T;
}

const before = (a: SortKey, b: SortKey) => a.key < b.key || (a.key === b.key && a.tie < b.tie);

/**
 * Items kept sorted as they are added and removed, so a page in either direction costs O(log n + limit)
 * instead of a sort per request. Keys are strings compared by code unit, like `compareStrings`.
 */
export class SortedList<T> {
  private readonly entries: Entry<T>[];

  constructor(
    private readonly sortKey: (item: T) => SortKey,
    items: Iterable<T> = [],
  ) {
    this.entries = Array.from(items, (item) => ({ ...sortKey(item), item }));
    this.entries.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  get length(): number {
    return this.entries.length;
  }

  /** The last item in ascending order. */
  last(): T | undefined {
    return this.entries.at(-1)?.item;
  }

  /** Adds after the items of the same key and tie, so equal items stay in insertion order; appending is the common case. */
  insert(item: T): void {
    const entry = { ...this.sortKey(item), item };
    const last = this.entries.at(-1);
    if (!last || !before(entry, last)) this.entries.push(entry);
    else this.entries.splice(this.firstIndex((e) => before(entry, e)), 0, entry);
  }

  /** Removes an item; call it before changing what its sort key is made of. */
  remove(item: T): boolean {
    const at = this.sortKey(item);
    for (let i = this.firstIndex((e) => !before(e, at)); i < this.entries.length && !before(at, this.entries[i]!); i++) {
      if (this.entries[i]!.item !== item) continue;
      this.entries.splice(i, 1);
      return true;
    }
    return false;
  }

  /** The matching items, still sorted (a scan, without sorting again). */
  where(predicate: (item: T) => boolean): SortedList<T> {
    const out = new SortedList(this.sortKey);
    out.entries.push(...this.entries.filter((e) => predicate(e.item)));
    return out;
  }

  /** `limit` items from `offset`: ascending, or keys descending with ties still ascending. */
  page(order: OrderType, offset: number, limit: number): T[] {
    if (order === "asc") return this.entries.slice(offset, offset + limit).map((e) => e.item);
    const out: T[] = [];
    const n = this.entries.length;
    // Descending position p lies in the same run of equal keys as ascending index n-1-p; inside a run the order stays ascending.
    for (let p = offset; p < n && out.length < limit; ) {
      const key = this.entries[n - 1 - p]!.key;
      const lo = this.firstIndex((e) => e.key >= key);
      const hi = this.firstIndex((e) => e.key > key);
      for (let i = lo + p - (n - hi); i < hi && out.length < limit; i++, p++) out.push(this.entries[i]!.item);
    }
    return out;
  }

  /** The first index whose entry satisfies `test`, which must be false then true along the list (binary search). */
  private firstIndex(test: (e: Entry<T>) => boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (test(this.entries[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
