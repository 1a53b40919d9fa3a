import { describe, expect, it } from "vitest";
import { JOB_STATUSES, TASK_STATES } from "@/lib/sync/states";
import en from "@/messages/en/jobs.json";
import { jobBadge, progressOf, progressTone, taskBadge } from "./status";

describe("status badges", () => {
  it.each([
    ["queued", "neutral"],
    ["syncing", "info"],
    ["retrying", "warning"],
    ["succeeded", "success"],
    ["failed", "danger"],
  ] as const)("shows task %s as %s", (state, tone) => {
    expect(taskBadge(state)).toEqual({ tone, labelKey: `taskStatus.${state}` });
  });

  it.each([
    ["running", "info"],
    ["partially_failed", "warning"],
    ["failed", "danger"],
  ] as const)("shows job %s as %s", (status, tone) => {
    expect(jobBadge(status).tone).toBe(tone);
  });

  it("has an English label for every status", () => {
    const label = (key: string) =>
      key.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], en);
    for (const s of TASK_STATES) expect(label(taskBadge(s).labelKey)).toEqual(expect.any(String));
    for (const s of JOB_STATUSES) expect(label(jobBadge(s).labelKey)).toEqual(expect.any(String));
  });
});

describe("progressOf", () => {
  it.each([
    [
      { total: 3, succeeded: 3, failed: 0 },
      { done: 3, total: 3, percent: 100 },
    ],
    [
      { total: 3, succeeded: 1, failed: 1 },
      { done: 2, total: 3, percent: 66 },
    ],
    [
      { total: 1000, succeeded: 999, failed: 0 },
      { done: 999, total: 1000, percent: 99 },
    ],
    [
      { total: 0, succeeded: 0, failed: 0 },
      { done: 0, total: 0, percent: 0 },
    ],
    [
      { total: 2, succeeded: 2, failed: 1 },
      { done: 2, total: 2, percent: 100 },
    ],
  ])("%j → %j", (counts, expected) => {
    expect(progressOf(counts)).toEqual(expected);
  });

  it("colours the bar by outcome, blue while waiting or running", () => {
    expect(progressTone("queued")).toBe("info");
    expect(progressTone("succeeded")).toBe("success");
    expect(progressTone("partially_failed")).toBe("warning");
  });
});
