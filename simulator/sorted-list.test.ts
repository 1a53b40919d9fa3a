import { describe, expect, it } from "vitest";
import type { OrderType } from "./query";
import { SortedList } from "./sorted-list";

interface Item {
  name: string;
  at: number;
}

// Key = time, tie = name: like tags in update-time order.
const byTime = (items: Item[]) => new SortedList<Item>((i) => ({ key: String(i.at).padStart(4, "0"), tie: i.name }), items);
const names = (items: Item[]) => items.map((i) => i.name);

// Inserted out of order on purpose: times 1 (c, a), 2 (e, b, d), 3 (f).
const ITEMS: Item[] = [
  { name: "e", at: 2 },
  { name: "c", at: 1 },
  { name: "f", at: 3 },
  { name: "b", at: 2 },
  { name: "a", at: 1 },
  { name: "d", at: 2 },
];

describe("SortedList.page", () => {
  it.each<[string, OrderType, number, number, string[]]>([
    ["everything ascending", "asc", 0, 10, ["a", "c", "b", "d", "e", "f"]],
    ["everything descending, ties still by name", "desc", 0, 10, ["f", "b", "d", "e", "a", "c"]],
    ["a descending page starting inside a run", "desc", 2, 3, ["d", "e", "a"]],
    ["a descending page ending inside a run", "desc", 0, 2, ["f", "b"]],
    ["the last descending item", "desc", 5, 1, ["c"]],
    ["an ascending page in the middle", "asc", 2, 2, ["b", "d"]],
    ["past the end", "desc", 6, 10, []],
  ])("gives %s", (_, order, offset, limit, expected) => {
    expect(names(byTime(ITEMS).page(order, offset, limit))).toEqual(expected);
  });

  it("reverses exactly when keys are unique", () => {
    const list = new SortedList<number>((n) => ({ key: String(n).padStart(3, "0"), tie: "" }), [5, 1, 4, 2, 3]);
    expect(list.page("desc", 0, 10)).toEqual([5, 4, 3, 2, 1]);
    expect(list.page("desc", 1, 3)).toEqual([4, 3, 2]);
  });
});

describe("SortedList changes", () => {
  it("inserts in order, appends the newest and keeps the last", () => {
    const list = byTime([]);
    for (const item of ITEMS) list.insert(item);
    list.insert({ name: "g", at: 9 });
    expect(names(list.page("asc", 0, 10))).toEqual(["a", "c", "b", "d", "e", "f", "g"]);
    expect(list.last()?.name).toBe("g");
    expect(list.length).toBe(7);
  });

  it("removes the very item among equal ones and reports a missing one", () => {
    const twin = { name: "b", at: 2 };
    const list = byTime([...ITEMS, twin]);
    expect(list.remove(twin)).toBe(true);
    expect(list.remove(twin)).toBe(false);
    expect(list.page("asc", 0, 10)).not.toContain(twin);
    expect(list.length).toBe(ITEMS.length);
  });

  it("moves an item whose key changes when removed before and inserted after", () => {
    const items = ITEMS.map((i) => ({ ...i }));
    const list = byTime(items);
    const a = items.find((i) => i.name === "a")!;
    list.remove(a);
    a.at = 5;
    list.insert(a);
    expect(names(list.page("desc", 0, 2))).toEqual(["a", "f"]);
  });

  it("filters without losing the order", () => {
    const list = byTime(ITEMS).where((i) => i.name !== "d");
    expect(names(list.page("desc", 0, 10))).toEqual(["f", "b", "e", "a", "c"]);
    expect(list.length).toBe(5);
  });
});
