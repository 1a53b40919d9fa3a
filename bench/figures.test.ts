import { describe, expect, it } from "vitest";
import { checkTargets, figures, median } from "./figures";
import type { BenchSettings, ScenarioResult } from "./scenario";

const settings = { syncDelayMs: 200, pollMs: 500, chunkSize: 10 } as BenchSettings;

const result = (over: Partial<ScenarioResult> = {}): ScenarioResult => ({
  db: "sqlite",
  tags: 1_000,
  run: 1,
  timeoutMs: 60_000,
  outcome: "settled",
  durationMs: 1_000,
  rounds: 2,
  swr: {
    calls: { sync_images: 100, sync_job: 2, tags: 2, other: 1 },
    bytes: { sent: 0, received: 0 },
    errors: 0,
  },
  app: { rows: { insert: 1_001, update: 2_000, delete: 0 }, transactions: { explicit: 100, autocommit: 4 } },
  refreshes: [
    { bytes: 5_000, changed: 40, complete: true, succeeded: 100, failed: 0, queued: 0, at: 1_000 },
    { bytes: 90_000, changed: 600, complete: true, succeeded: 700, failed: 0, queued: 0, at: 2_000 },
    { bytes: 800, changed: 0, complete: true, succeeded: 1_000, failed: 0, queued: 0, at: 3_000 },
  ],
  upTo100: { bytes: 9_000, changed: 90, complete: true, succeeded: 1_000, failed: 0, queued: 0, at: 0 },
  rss: { idleBytes: 100, peakBytes: 150 },
  ...over,
});

describe("figures", () => {
  it("turns raw counts into the issue's ratios", () => {
    const f = figures(result(), settings);
    expect(f.durationRatio).toBe(2.5); // 1,000 ms ÷ (2 × 200 ms)
    expect(f.minSwrCalls).toBe(104); // ⌈1000/10⌉ + 2 × 2
    expect(f.swrCallsRatio).toBeCloseTo(105 / 104);
    expect(f.swrCallsPerRound).toBe(2.5); // (105 − 100) ÷ 2
    expect(f.rowsPerTag).toBeCloseTo(3.001);
    expect(f.transactionsRatio).toBe(1);
    expect(f.midRefresh).toEqual({ bytes: 90_000, changed: 600, complete: true });
    // Of the page's refreshes and the bisected one, those listing ≤ 100 tasks: 5,000, 800 and 9,000 bytes.
    expect(f.maxRefreshBytesUpTo100Changed).toBe(9_000);
    expect(f.maxRefreshUpTo100Listed).toBe(90);
    expect(f.rssPeakToIdle).toBe(1.5);
    expect(f.pgRowsPerTag).toBeUndefined();
  });

  it("leaves out what a failed scenario did not measure", () => {
    expect(
      figures({ db: "postgres", tags: 1_000, run: 1, timeoutMs: 1, outcome: "error" }, settings),
    ).toMatchObject({
      durationRatio: undefined,
      swrCallsRatio: undefined,
      rowsPerTag: undefined,
      refreshCount: 0,
    });
  });
});

describe("checkTargets", () => {
  it("checks the median of settled runs per database and size", () => {
    const runs = [2_000, 1_000, 800].map((durationMs, i) => result({ durationMs, run: i + 1 }));
    const reports = [...runs, result({ outcome: "timeout", durationMs: 99_000 })].map((r) => ({
      result: r,
      figures: figures(r, settings),
    }));
    const duration = checkTargets(reports).find((c) => c.target.startsWith("job duration"));
    expect(duration).toMatchObject({ db: "sqlite", tags: 1_000, median: 2.5, limit: 3, met: true });
  });

  it("applies 1,000-tag targets to 1,000-tag runs only", () => {
    const big = result({ tags: 20_000 });
    const checks = checkTargets([{ result: big, figures: figures(big, settings) }]);
    expect(checks.map((c) => c.target)).not.toContain("job duration ÷ per-tag sync time");
    expect(checks.map((c) => c.target)).toContain("row writes per tag");
  });
});

describe("median", () => {
  it.each([
    [[], undefined],
    [[3], 3],
    [[3, 1, 2], 2],
    [[4, 1, 2, 3], 2.5],
  ])("%j → %j", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
