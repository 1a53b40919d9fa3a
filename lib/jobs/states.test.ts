import { describe, expect, it } from "vitest";
import {
  assertTransition,
  canRetry,
  canTransition,
  countTasks,
  deriveJobStatus,
  IllegalTransitionError,
  TASK_STATES,
  type TaskState,
} from "./states";

const ALLOWED: [TaskState, TaskState][] = [
  ["queued", "submitted"],
  ["queued", "retrying"],
  ["queued", "failed"],
  ["retrying", "submitted"],
  ["retrying", "retrying"],
  ["retrying", "failed"],
  ["queued", "cancelled"],
  ["retrying", "cancelled"],
  ["submitted", "succeeded"],
  ["submitted", "kept"],
  ["submitted", "failed"],
];

const allPairs = TASK_STATES.flatMap((from) => TASK_STATES.map((to) => [from, to] as [TaskState, TaskState]));
const FORBIDDEN = allPairs.filter(([f, t]) => !ALLOWED.some(([a, b]) => a === f && b === t));

describe("task state machine", () => {
  it.each(ALLOWED)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(FORBIDDEN)("forbids %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError);
  });

  it("never lets a failed attempt turn into a success", () => {
    expect(canTransition("failed", "succeeded")).toBe(false);
    expect(canTransition("cancelled", "submitted")).toBe(false);
    expect(canTransition("kept", "succeeded")).toBe(false);
    expect(canTransition("skipped_identical", "submitted")).toBe(false);
  });

  it.each(TASK_STATES.map((s) => [s, s === "failed" || s === "cancelled"] as const))("retry from %s allowed: %s", (state, allowed) => {
    expect(canRetry(state)).toBe(allowed);
  });
});

describe("deriveJobStatus", () => {
  it.each([
    [["queued", "queued"], "queued"],
    [["queued", "submitted"], "running"],
    [["retrying"], "running"],
    [["succeeded", "submitted"], "running"],
    [["succeeded", "failed", "queued"], "running"],
    [["succeeded", "succeeded"], "succeeded"],
    [["failed", "failed"], "failed"],
    [["succeeded", "failed"], "partially_failed"],
    [[], "failed"],
    [["succeeded", "cancelled"], "cancelled"],
    [["skipped_identical", "skipped_identical"], "succeeded"],
    [["succeeded", "skipped_identical"], "succeeded"],
    [["kept", "kept"], "succeeded"],
    [["succeeded", "kept", "skipped_identical"], "succeeded"],
    [["kept", "submitted"], "running"],
    [["kept", "failed"], "partially_failed"],
    [["skipped_identical", "failed"], "partially_failed"],
    [["kept", "cancelled"], "cancelled"],
  ] as [TaskState[], string][])("%j → %s", (states, status) => {
    expect(deriveJobStatus(countTasks(states))).toBe(status);
  });

  it.each([
    [["submitted", "cancelled"], "cancelling"],
    [["queued"], "cancelling"],
    [["succeeded", "cancelled"], "cancelled"],
    [["succeeded", "succeeded"], "cancelled"],
  ] as [TaskState[], string][])("after a cancel: %j → %s", (states, status) => {
    expect(deriveJobStatus(countTasks(states), true)).toBe(status);
  });
});
