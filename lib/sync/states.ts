// Per-tag task states and the job status derived from them. Pure: shared by the engine, the API and the UI.

export const TASK_STATES = ["queued", "submitted", "syncing", "verifying", "retrying", "succeeded", "failed"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TERMINAL_TASK_STATES = ["succeeded", "failed"] as const satisfies readonly TaskState[];

// Within one attempt a task only moves forward; only a new attempt (Retry failed) leaves `failed`.
const TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  queued: ["submitted", "retrying", "failed"],
  retrying: ["submitted", "retrying", "failed"],
  submitted: ["syncing", "verifying", "failed"],
  syncing: ["verifying", "failed"],
  verifying: ["succeeded", "failed"],
  succeeded: [],
  failed: [],
};

export function isTerminal(state: TaskState): boolean {
  return state === "succeeded" || state === "failed";
}

export function canTransition(from: TaskState, to: TaskState): boolean {
  return TRANSITIONS[from].includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: TaskState,
    readonly to: TaskState,
  ) {
    super(`a sync task cannot go from ${from} to ${to}`);
    this.name = "IllegalTransitionError";
  }
}

export function assertTransition(from: TaskState, to: TaskState): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** A new attempt starts only from `failed`; it puts the task back in the queue. */
export function canRetry(state: TaskState): boolean {
  return state === "failed";
}

export const JOB_STATUSES = ["queued", "running", "succeeded", "partially_failed", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export type TaskCounts = Record<TaskState, number>;

export function countTasks(states: Iterable<TaskState>): TaskCounts {
  const counts = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as TaskCounts;
  for (const s of states) counts[s]++;
  return counts;
}

/** The job's status is always derived from its tasks, never stored independently of them. */
export function deriveJobStatus(counts: TaskCounts): JobStatus {
  const total = TASK_STATES.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return "failed";
  if (counts.queued === total) return "queued";
  const done = counts.succeeded + counts.failed;
  if (done < total) return "running";
  if (counts.failed === 0) return "succeeded";
  return counts.succeeded === 0 ? "failed" : "partially_failed";
}

/** Splits tags into submission chunks, keeping order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
