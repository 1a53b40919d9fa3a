import { describe, expect, it } from "vitest";
import { chunk, createLimiter, eachLimited, groupBy } from "./collections";

describe("chunk", () => {
  it.each([
    [[], 10, []],
    [["a"], 10, [["a"]]],
    [["a", "b", "c"], 2, [["a", "b"], ["c"]]],
    [["a", "b", "c", "d"], 2, [["a", "b"], ["c", "d"]]],
  ])("chunk(%j, %i) → %j", (items, size, expected) => {
    expect(chunk(items, size)).toEqual(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects size %s", (size) => {
    expect(() => chunk(["a"], size)).toThrow(RangeError);
  });
});

describe("eachLimited", () => {
  it("runs every item, never more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(n);
      running--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });
});

describe("groupBy", () => {
  it("keeps the order of first appearance", () => {
    expect([...groupBy(["b1", "a1", "b2"], (s) => s[0])]).toEqual([
      ["b", ["b1", "b2"]],
      ["a", ["a1"]],
    ]);
  });
});

describe("createLimiter", () => {
  it("runs tasks from many callers at most `limit` at a time, in the order given, and passes results and errors on", async () => {
    const limit = createLimiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (n === 3) throw new Error("three");
      return n * 10;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => limit(task(n))));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([10, 20, "three", 40, 50]);
    // Every slot was given back: two more run at once again.
    most = 0;
    await Promise.all([limit(task(6)), limit(task(7))]);
    expect(most).toBe(2);
  });

  it.each([0, -1, 1.5])("rejects limit %s", (n) => {
    expect(() => createLimiter(n)).toThrow(RangeError);
  });
});
