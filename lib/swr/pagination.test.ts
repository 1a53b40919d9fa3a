import { describe, expect, it } from "vitest";
import { collectPages, type Page, parseContentRange, toPage, walkPages } from "./pagination";

describe("Content-Range", () => {
  it.each([
    ["0-10/25", { offset: 0, count: 10, total: 25 }],
    [" 20-5/25 ", { offset: 20, count: 5, total: 25 }],
    ["bytes 0-10/25", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%j → %j", (v, expected) => {
    expect(parseContentRange(v)).toEqual(expected);
  });

  it.each([
    ["the header's total", "0-2/40", undefined, 40],
    ["a fallback total without the header", undefined, 7, 7],
    ["one more than seen after a full page without any total", undefined, undefined, 3],
  ])("takes %s", (_what, header, fallback, total) => {
    expect(toPage(["a", "b"], { offset: 0, limit: 2 }, header, fallback).total).toBe(total);
  });
});

/** A server over `n` records that caps pages at `cap` and may omit Content-Range. */
function server(n: number, { cap = Infinity, header = true } = {}) {
  const calls: [number, number][] = [];
  const fetchPage = (offset: number, limit: number): Promise<Page<number>> => {
    calls.push([offset, limit]);
    const items = Array.from({ length: Math.max(0, Math.min(limit, cap, n - offset)) }, (_, i) => offset + i);
    return Promise.resolve(toPage(items, { offset, limit }, header ? `${offset}-${items.length}/${n}` : undefined));
  };
  return { calls, fetchPage };
}

describe("walking pages", () => {
  it.each([
    ["25 records in pages of 10", 25, {}, 3],
    ["exactly two pages", 20, {}, 2],
    ["no records", 0, {}, 1],
    ["a server capping pages at 4", 10, { cap: 4 }, 3],
    ["no Content-Range: stops on the empty page", 20, { header: false }, 3],
    ["no Content-Range: stops on a short page", 25, { header: false }, 3],
  ])("%s", async (_what, n, opts, requests) => {
    const s = server(n, opts);
    const all = await collectPages(s.fetchPage, { pageSize: 10 });
    expect(all.items).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(all.truncated).toBe(false);
    expect(all.total).toBe(n);
    expect(s.calls).toHaveLength(requests);
  });

  it("stops at maxItems and says the list is truncated", async () => {
    const s = server(100);
    const all = await collectPages(s.fetchPage, { pageSize: 30, maxItems: 50 });
    expect(all.items).toHaveLength(50);
    expect(all).toMatchObject({ total: 100, truncated: true });
    expect(s.calls).toEqual([
      [0, 30],
      [30, 20],
    ]);
  });

  it("yields page by page", async () => {
    const sizes: number[] = [];
    for await (const page of walkPages(server(5).fetchPage, { pageSize: 2 })) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);
  });
});
