import { describe, expect, it } from "vitest";
import { faultPlan, faultTimeline, longestStallMs, summarizeFaults } from "./faults";
import type { Refresh, ScenarioResult } from "./scenario";

const at = (ms: number, succeeded: number, failed = 0, queued = 0): Refresh => ({ bytes: 0, changed: 0, complete: true, succeeded, failed, queued, at: ms });

const run = (mix: string, n: number, durationMs: number, over: Partial<ScenarioResult> = {}): ScenarioResult => ({
  db: "sqlite",
  tags: 1_000,
  run: n,
  timeoutMs: 60_000,
  faults: { mix, config: { seed: 1, rules: [] }, refreshMs: 250 },
  outcome: "settled",
  jobStatus: "succeeded",
  succeeded: 1_000,
  failed: 0,
  durationMs,
  refreshes: [at(0, 0), at(250, 10), at(500, 10), at(1_750, 10, 5), at(2_000, 1_000)],
  ...over,
});

describe("fault figures", () => {
  it("runs A, B, B, A, then C, each with its seeded faults", () => {
    const plan = faultPlan("sqlite", 60_000);
    expect(plan.map((s) => `${s.faults?.mix}${s.run}`)).toEqual(["A1", "B1", "B2", "A2", "C1"]);
    expect(plan[1]!.faults?.config.rules.map((r) => [r.kind, r.rate])).toEqual([["hang", 0.03], ["drop", 0.05], ["error", 0.3]]);
  });

  it("takes the longest stretch between two refreshes whose ended count differs, from the first tag that ended", () => {
    expect(longestStallMs([at(0, 0), at(250, 10), at(500, 10), at(1_750, 10, 5), at(2_000, 1_000)])).toBe(1_500);
    expect(longestStallMs([at(0, 0), at(3_000, 0)])).toBeUndefined();
  });

  it("takes the longest stretch that began with tags still queued, when asked", () => {
    const refreshes = [at(0, 0, 0, 900), at(500, 100, 0, 400), at(1_500, 600, 0, 0), at(9_500, 990, 10, 0)];
    expect(longestStallMs(refreshes)).toBe(8_000);
    expect(longestStallMs(refreshes, (r) => r.queued > 0)).toBe(1_000);
  });

  it("keeps of a run's refreshes the first, the last and those where the ended count changed", () => {
    const refreshes = [at(1_000, 0, 0, 900), at(1_250, 0, 0, 800), at(1_500, 100, 0, 700), at(2_750, 100, 0, 0), at(3_000, 990, 10, 0), at(3_250, 1_000, 0, 0)];
    expect(faultTimeline(refreshes)).toEqual([
      [0, 0, 900],
      [0.5, 100, 700],
      [2, 1_000, 0],
      [2.25, 1_000, 0],
    ]);
    expect(faultTimeline([])).toEqual([]);
  });

  it("divides B's time by A's over all their runs and C's stall by the poll interval", () => {
    const s = summarizeFaults([run("A", 1, 10_000), run("B", 1, 15_000), run("B", 2, 17_000), run("A", 2, 6_000), run("C", 1, 30_000)], 1_000);
    expect(s.bOverA).toBe(2);
    expect(s.cStallPerPoll).toBe(1.5);
    expect(s.targets).toEqual({ bOverA: { limit: 2, met: true }, cStallPerPoll: { limit: 1, met: false } });
  });

  it("gives no ratio when a job left tags unended", () => {
    const s = summarizeFaults([run("A", 1, 10_000), run("B", 1, 15_000, { outcome: "timeout", succeeded: 900 })], 1_000);
    expect(s.runs[1]).toMatchObject({ everyTagEnded: false, allSucceeded: false });
    expect(s.bOverA).toBeUndefined();
  });
});
