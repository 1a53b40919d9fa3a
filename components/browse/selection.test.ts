import { describe, expect, it } from "vitest";
import {
  clickTag,
  isEmptySelection,
  pageCheck,
  selectionCount,
  selectionRequest,
  type SelectionState,
  type SyncSelection,
  withTags,
} from "./selection";
import { tagPatternMatcher } from "@/lib/jobs/glob";
import { selectionMatcher } from "./selection-matcher";

const visible = ["a", "b", "c", "d", "e"];
const state = (selected: string[], anchor: string | null = null): SelectionState => ({ selected: new Set(selected), anchor });
const sorted = (s: SelectionState) => [...s.selected].sort();

describe("clickTag", () => {
  it.each([
    ["a plain click checks one tag", state([]), { tag: "c", checked: true, shiftKey: false }, ["c"]],
    ["a plain click unchecks one tag", state(["b", "c"], "b"), { tag: "c", checked: false, shiftKey: false }, ["b"]],
    ["a shift-click checks down to the clicked tag", state(["b"], "b"), { tag: "d", checked: true, shiftKey: true }, ["b", "c", "d"]],
    ["a shift-click checks up to the clicked tag", state(["d"], "d"), { tag: "a", checked: true, shiftKey: true }, ["a", "b", "c", "d"]],
    ["a shift-click unchecks a range", state(["a", "b", "c", "d", "e"], "b"), { tag: "d", checked: false, shiftKey: true }, ["a", "e"]],
    ["a shift-click without an anchor checks one tag", state([]), { tag: "c", checked: true, shiftKey: true }, ["c"]],
    ["a shift-click whose anchor is off this page checks one tag", state(["z"], "z"), { tag: "b", checked: true, shiftKey: true }, ["b", "z"]],
    ["a shift-click on the anchor itself checks it", state([], "c"), { tag: "c", checked: true, shiftKey: true }, ["c"]],
    ["a range keeps tags selected on other pages", state(["x", "a"], "a"), { tag: "c", checked: true, shiftKey: true }, ["a", "b", "c", "x"]],
  ])("%s", (_, before, click, expected) => {
    const after = clickTag(before, click, visible);
    expect(sorted(after)).toEqual(expected);
    expect(after.anchor).toBe(click.tag);
  });

  it("does not change the previous state", () => {
    const before = state(["a"], "a");
    clickTag(before, { tag: "e", checked: true, shiftKey: true }, visible);
    expect(sorted(before)).toEqual(["a"]);
  });
});

describe("withTags and pageCheck", () => {
  it.each([
    [["a"], ["b", "c"], true, ["a", "b", "c"]],
    [["a", "b", "x"], ["a", "b", "c"], false, ["x"]],
  ])("%j with %j set to %s is %j", (selected, tags, checked, expected) => {
    expect([...withTags(new Set(selected), tags, checked)].sort()).toEqual(expected);
  });

  it.each([
    [[], "none"],
    [["x"], "none"],
    [["a", "x"], "some"],
    [visible, "all"],
  ] as const)("selected %j → %s", (selected, expected) => {
    expect(pageCheck(new Set(selected), visible)).toBe(expected);
  });
});

describe("a selection as a sync request", () => {
  const cases: [string, SyncSelection, object, number | null][] = [
    ["tags picked one by one, sorted", { kind: "tags", tags: new Set(["b", "a"]) }, { tags: ["a", "b"] }, 2],
    ["every tag", { kind: "all", count: 5000 }, { tagSelector: { all: true } }, 5000],
    ["a search", { kind: "search", q: "build-049", count: 100 }, { tagSelector: { pattern: "*build-049*" } }, 100],
    ["a pattern", { kind: "pattern", pattern: "v1.*" }, { tagSelector: { pattern: "v1.*" } }, null],
  ];
  it.each(cases)("sends %s", (_, selection, request, count) => {
    expect(selectionRequest(selection)).toEqual(request);
    expect(selectionCount(selection)).toBe(count);
  });

  it("is empty only when it surely holds no tag", () => {
    expect(isEmptySelection({ kind: "tags", tags: new Set() })).toBe(true);
    expect(isEmptySelection({ kind: "all", count: 0 })).toBe(true);
    expect(isEmptySelection({ kind: "pattern", pattern: "x*" })).toBe(false);
  });

  it.each<[string, SyncSelection, string[]]>([
    ["a list", { kind: "tags", tags: new Set(["b"]) }, ["b"]],
    ["every tag", { kind: "all", count: 3 }, ["a", "b", "v1.0"]],
    ["a search", { kind: "search", q: "1.", count: 1 }, ["v1.0"]],
    ["a pattern", { kind: "pattern", pattern: "[ab]" }, ["a", "b"]],
  ])("ticks the rows %s covers", (_, selection, ticked) => {
    expect(["a", "b", "v1.0"].filter(selectionMatcher(selection, tagPatternMatcher))).toEqual(ticked);
  });

  it("ticks no row by a rule until the glob compiler has loaded", () => {
    expect(["a", "b"].filter(selectionMatcher({ kind: "pattern", pattern: "*" }, undefined))).toEqual([]);
    expect(["a", "b"].filter(selectionMatcher({ kind: "all", count: 2 }, undefined))).toEqual(["a", "b"]);
  });
});
