import { describe, expect, it } from "vitest";
import { historyWindow, nearestRank, outcomeOf } from "./history";

describe("historyWindow", () => {
  it("covers the last days of the zone, today included", () => {
    const w = historyWindow(3, "Asia/Shanghai", new Date("2024-05-31T20:00:00Z"));
    // 04:00 on 1 June in Shanghai.
    expect(w.days).toEqual(["2024-05-30", "2024-05-31", "2024-06-01"]);
    expect(w.starts.map((d) => d.toISOString())).toEqual(["2024-05-29T16:00:00.000Z", "2024-05-30T16:00:00.000Z", "2024-05-31T16:00:00.000Z"]);
    expect(w.from).toEqual(w.starts[0]);
    expect(w.to.toISOString()).toBe("2024-06-01T16:00:00.000Z");
  });

  it("keeps local days across a clock change: Berlin's 31 March 2024 had 23 hours", () => {
    const w = historyWindow(2, "Europe/Berlin", new Date("2024-04-01T10:00:00Z"));
    expect(w.days).toEqual(["2024-03-31", "2024-04-01"]);
    expect(w.starts.map((d) => d.toISOString())).toEqual(["2024-03-30T23:00:00.000Z", "2024-03-31T22:00:00.000Z"]);
    expect(w.to.toISOString()).toBe("2024-04-01T22:00:00.000Z");
  });

  it("holds one day for days=1, and 90 days across a month end", () => {
    expect(historyWindow(1, "UTC", new Date("2024-03-01T00:00:00Z")).days).toEqual(["2024-03-01"]);
    const w = historyWindow(90, "UTC", new Date("2024-03-01T12:00:00Z"));
    expect(w.days).toHaveLength(90);
    expect(w.days[0]).toBe("2023-12-03");
    expect(new Set(w.days).size).toBe(90);
  });
});

describe("nearestRank", () => {
  it.each([
    [50, 1, 1],
    [95, 1, 1],
    [50, 4, 2],
    [50, 7, 4],
    [95, 6, 6],
    [95, 20, 19],
    [95, 21, 20],
    [50, 10_000, 5_000],
    [95, 10_000, 9_500],
  ])("puts the %ith percentile of %i values at rank %i", (percent, n, rank) => {
    expect(nearestRank(percent, n)).toBe(rank);
  });
});

describe("outcomeOf", () => {
  it("groups the statuses still moving as unfinished", () => {
    expect(["queued", "running", "cancelling", "succeeded", "partially_failed", "failed", "cancelled"].map((s) => outcomeOf(s as never))).toEqual([
      "unfinished",
      "unfinished",
      "unfinished",
      "succeeded",
      "partially_failed",
      "failed",
      "cancelled",
    ]);
  });
});
