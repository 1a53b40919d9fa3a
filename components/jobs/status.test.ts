import { describe, expect, it } from "vitest";
import { JOB_STATUSES, TASK_STATES } from "@/lib/jobs/states";
import en from "@/messages/en/jobs.json";
import zh from "@/messages/zh-CN/jobs.json";
import { HISTORY_OUTCOMES } from "@/lib/jobs/history";
import { jobBadge, keptNote, outcomeTone, progressOf, progressSegments, retryableCount, taskBadge } from "./status";

describe("status badges", () => {
  it.each([
    ["queued", "neutral"],
    ["retrying", "warning"],
    ["submitted", "info"],
    ["succeeded", "success"],
    ["skipped_identical", "success-muted"],
    ["kept", "accent"],
    ["failed", "danger"],
    ["cancelled", "neutral"],
  ] as const)("shows task %s as %s", (state, tone) => {
    expect(taskBadge(state)).toEqual({ tone, labelKey: `taskStatus.${state}` });
  });

  it.each([
    ["running", "info"],
    ["cancelling", "warning"],
    ["cancelled", "neutral"],
    ["partially_failed", "warning"],
    ["failed", "danger"],
  ] as const)("shows job %s as %s", (status, tone) => {
    expect(jobBadge(status).tone).toBe(tone);
  });

  it.each([
    ["English", en],
    ["Chinese", zh],
  ])("has a %s label for every status", (_, catalog) => {
    const label = (key: string) =>
      key.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], catalog);
    for (const s of TASK_STATES) expect(label(taskBadge(s).labelKey)).toEqual(expect.any(String));
    for (const s of JOB_STATUSES) expect(label(jobBadge(s).labelKey)).toEqual(expect.any(String));
    expect(label("jobs.statusWithKept")).toEqual(expect.any(String));
  });

  it.each([
    ["succeeded", 3, 3],
    ["succeeded", 0, null],
    ["partially_failed", 2, 2],
    ["running", 2, null],
    ["cancelling", 1, null],
  ] as const)("a %s job with %i kept tags notes %s of them", (status, kept, note) => {
    expect(keptNote(status, kept)).toBe(note);
  });
});

describe("outcomeTone", () => {
  it("paints each outcome of the history as its status badge, unfinished jobs as running ones", () => {
    expect(Object.fromEntries(HISTORY_OUTCOMES.map((o) => [o, outcomeTone(o)]))).toEqual({
      succeeded: jobBadge("succeeded").tone,
      partially_failed: jobBadge("partially_failed").tone,
      failed: jobBadge("failed").tone,
      cancelled: jobBadge("cancelled").tone,
      unfinished: jobBadge("running").tone,
    });
    expect(new Set(HISTORY_OUTCOMES.map(outcomeTone)).size).toBe(HISTORY_OUTCOMES.length);
  });
});

describe("progressOf", () => {
  const counts = (total: number, succeeded: number, failed: number, cancelled = 0, skipped = 0, kept = 0) => ({ total, succeeded, failed, cancelled, skipped, kept });
  it.each([
    [counts(3, 3, 0), { done: 3, total: 3, percent: 100 }],
    [counts(3, 1, 1), { done: 2, total: 3, percent: 66 }],
    [counts(1000, 999, 0), { done: 999, total: 1000, percent: 99 }],
    [counts(0, 0, 0), { done: 0, total: 0, percent: 0 }],
    [counts(2, 2, 1), { done: 2, total: 2, percent: 100 }],
    [counts(20_000, 5_000, 0, 15_000), { done: 20_000, total: 20_000, percent: 100 }],
    [counts(4, 1, 0, 1), { done: 2, total: 4, percent: 50 }],
    [counts(4, 1, 0, 0, 1, 2), { done: 4, total: 4, percent: 100 }],
    [counts(5, 0, 0, 0, 0, 1), { done: 1, total: 5, percent: 20 }],
  ])("%j → %j", (c, expected) => {
    expect(progressOf(c)).toEqual(expected);
  });

  it("gives each outcome its own part of the bar", () => {
    expect(progressSegments(counts(8, 2, 1, 1, 2, 2)).map((s) => [s.tone, s.percent])).toEqual([
      ["success", 25],
      ["success-muted", 25],
      ["accent", 25],
      ["danger", 12.5],
      ["neutral", 12.5],
    ]);
    expect(progressSegments(counts(0, 0, 0))).toEqual([]);
  });

  it("retries failed and cancelled tags", () => {
    expect(retryableCount({ failed: 2, cancelled: 3 })).toBe(5);
  });
});
