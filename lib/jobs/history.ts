import { addDays, dayIn, startOfDay } from "@/lib/time-zone";
import type { JobStatus } from "./states";

// The history at a glance (GET /api/jobs/stats?days=): which days it covers in the reader's zone, how job statuses
// add up into outcomes, and which rank a percentile is. Pure, so the route and its tests agree on every figure.

export const MAX_HISTORY_DAYS = 90;
export const DEFAULT_HISTORY_DAYS = 30;
/** Failure codes the overview lists, the most frequent first. */
export const TOP_FAILURES = 5;

/** How a job ended, as the overview stacks them; `unfinished` holds the queued, running and cancelling ones. */
export const HISTORY_OUTCOMES = ["succeeded", "partially_failed", "failed", "cancelled", "unfinished"] as const;
export type HistoryOutcome = (typeof HISTORY_OUTCOMES)[number];

const OUTCOME_OF: Record<JobStatus, HistoryOutcome> = {
  queued: "unfinished",
  running: "unfinished",
  cancelling: "unfinished",
  succeeded: "succeeded",
  partially_failed: "partially_failed",
  failed: "failed",
  cancelled: "cancelled",
};

export const outcomeOf = (status: JobStatus): HistoryOutcome => OUTCOME_OF[status];

export type OutcomeCounts = Record<HistoryOutcome, number>;

export const emptyOutcomeCounts = (): OutcomeCounts => Object.fromEntries(HISTORY_OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;

/** Each outcome's jobs over every day. */
export function sumOutcomes(daily: readonly OutcomeCounts[]): OutcomeCounts {
  const sum = emptyOutcomeCounts();
  for (const day of daily) for (const o of HISTORY_OUTCOMES) sum[o] += day[o];
  return sum;
}

/** Jobs that ran to their end: succeeded, partially failed or failed (a cancel is nobody's failure). */
export const endedJobs = (c: OutcomeCounts): number => c.succeeded + c.partially_failed + c.failed;

export interface HistoryWindow {
  /** Every local day of the window, oldest first, `2024-05-01`. */
  days: string[];
  /** When each day starts, in the same order. */
  starts: Date[];
  /** The first instant of the window and the first after it. */
  from: Date;
  to: Date;
}

/** The last `count` local days in `timeZone`, today included: days of 23 or 25 hours where the clocks change. */
export function historyWindow(count: number, timeZone: string, now: Date): HistoryWindow {
  const today = dayIn(now, timeZone);
  const days = Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
  const starts = days.map((d) => startOfDay(d, timeZone));
  return { days, starts, from: starts[0]!, to: startOfDay(addDays(today, 1), timeZone) };
}

/**
 * The nearest-rank percentile's place (1-based) among `n` sorted values: the smallest rank whose share of values is at
 * least `percent`. The median of 4 values is the 2nd, their 95th percentile the 4th.
 */
export function nearestRank(percent: number, n: number): number {
  return Math.max(1, Math.ceil((percent * n) / 100));
}
