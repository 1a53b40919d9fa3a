// What a job and its tasks can be: the vocabulary shared by the engine, the API and the browser. Pure.

/**
 * A task is one tag of a job. `submitted`: SWR accepted the tag's sync and the dashboard is watching
 * it until the tag is found in the target with the source's digest (`succeeded`) or SWR says it
 * failed. `retrying`: a failed SWR call waits for its next try. `cancelled`: the job was cancelled
 * before the tag was sent to SWR. `skipped_identical`: the target already held the source's image, so
 * nothing was sent (done, like a success). `kept`: the target holds another image under the tag and
 * "Overwrite existing tags" was off, so it was left in place (neither a success nor a failure).
 */
export const TASK_STATES = ["queued", "retrying", "submitted", "succeeded", "skipped_identical", "kept", "failed", "cancelled"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TERMINAL_TASK_STATES = ["succeeded", "skipped_identical", "kept", "failed", "cancelled"] as const satisfies readonly TaskState[];
export const ACTIVE_TASK_STATES = ["queued", "retrying", "submitted"] as const satisfies readonly TaskState[];
/** Tasks not yet handed to SWR: the ones a cancel stops. */
export const UNSENT_TASK_STATES = ["queued", "retrying"] as const satisfies readonly TaskState[];
/** Tasks a new attempt ("Retry failed") puts back in the queue. */
export const RETRYABLE_TASK_STATES = ["failed", "cancelled"] as const satisfies readonly TaskState[];
/** Tasks "Overwrite the kept tags" puts back in the queue, as a new attempt with override on. */
export const OVERWRITABLE_TASK_STATES = ["kept"] as const satisfies readonly TaskState[];

// Within one attempt a task only moves forward; only a new attempt leaves `failed`, `cancelled` or `kept`.
// `skipped_identical` and `kept` are also written directly when the job is created (its plan), without a transition.
const TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  queued: ["submitted", "retrying", "failed", "cancelled"],
  retrying: ["submitted", "retrying", "failed", "cancelled"],
  // `kept`: the target turned out to hold another image and override was off.
  submitted: ["succeeded", "kept", "failed"],
  succeeded: [],
  skipped_identical: [],
  kept: [],
  failed: [],
  cancelled: [],
};

export function isTaskState(value: string): value is TaskState {
  return (TASK_STATES as readonly string[]).includes(value);
}

export function isTerminal(state: TaskState): boolean {
  return (TERMINAL_TASK_STATES as readonly TaskState[]).includes(state);
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

/** A new attempt starts only from `failed` or `cancelled`; it puts the task back in the queue. */
export function canRetry(state: TaskState): boolean {
  return (RETRYABLE_TASK_STATES as readonly TaskState[]).includes(state);
}

/**
 * `cancelling`: a cancel was asked for while SWR still had some of the job's tags; those finish as
 * SWR reports them (SWR has no cancel call). `cancelled`: every tag ended after a cancel.
 */
export const JOB_STATUSES = [
  "queued",
  "running",
  "cancelling",
  "succeeded",
  "partially_failed",
  "failed",
  "cancelled",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const LIVE_JOB_STATUSES = ["queued", "running", "cancelling"] as const satisfies readonly JobStatus[];

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

export function isLiveJobStatus(status: JobStatus): boolean {
  return (LIVE_JOB_STATUSES as readonly JobStatus[]).includes(status);
}

export type TaskCounts = Record<TaskState, number>;

export function emptyCounts(): TaskCounts {
  return Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as TaskCounts;
}

export function countTasks(states: Iterable<TaskState>): TaskCounts {
  const counts = emptyCounts();
  for (const s of states) counts[s]++;
  return counts;
}

export function totalOf(counts: TaskCounts): number {
  return TASK_STATES.reduce((n, s) => n + counts[s], 0);
}

/** Tasks that reached an end, whatever it was. */
export function doneOf(counts: TaskCounts): number {
  return TERMINAL_TASK_STATES.reduce((n, s) => n + counts[s], 0);
}

/**
 * The job's status follows from its tasks' counts and whether a cancel was asked for. Kept tags are what the
 * user asked for (override off), so a job whose only non-successes are kept tags has `succeeded`; a job fails
 * outright only when every tag failed.
 */
export function deriveJobStatus(counts: TaskCounts, cancelRequested = false): JobStatus {
  const total = totalOf(counts);
  if (total === 0) return "failed";
  if (doneOf(counts) < total) {
    if (cancelRequested) return "cancelling";
    return counts.queued === total ? "queued" : "running";
  }
  if (cancelRequested || counts.cancelled > 0) return "cancelled";
  if (counts.failed === 0) return "succeeded";
  return counts.failed === total ? "failed" : "partially_failed";
}
