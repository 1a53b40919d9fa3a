import { describe, expect, it } from "vitest";
import {
  assertTransition,
  canRetry,
  canTransition,
  chunk,
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
  ["submitted", "syncing"],
  ["submitted", "verifying"],
  ["submitted", "failed"],
  ["syncing", "verifying"],
  ["syncing", "failed"],
  ["verifying", "succeeded"],
  ["verifying", "failed"],
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
    expect(canTransition("failed", "verifying")).toBe(false);
  });

  it.each(TASK_STATES.map((s) => [s, s === "failed"] as const))("retry from %s allowed: %s", (state, allowed) => {
    expect(canRetry(state)).toBe(allowed);
  });
});

describe("deriveJobStatus", () => {
  it.each([
    [["queued", "queued"], "queued"],
    [["queued", "submitted"], "running"],
    [["retrying"], "running"],
    [["succeeded", "verifying"], "running"],
    [["succeeded", "failed", "queued"], "running"],
    [["succeeded", "succeeded"], "succeeded"],
    [["failed", "failed"], "failed"],
    [["succeeded", "failed"], "partially_failed"],
    [[], "failed"],
  ] as [TaskState[], string][])("%j → %s", (states, status) => {
    expect(deriveJobStatus(countTasks(states))).toBe(status);
  });
});

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
