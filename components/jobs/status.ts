import type { BadgeTone } from "@/components/ui/badge";
import type { ProgressSegment } from "@/components/ui/progress-bar";
import type { JobCounts } from "@/lib/jobs/dto";
import type { HistoryOutcome } from "@/lib/jobs/history";
import { isLiveJobStatus, type JobStatus, type TaskState } from "@/lib/jobs/states";

// How statuses look and add up on screen; pure, so it is tested without a browser.

const TASK_TONES: Record<TaskState, BadgeTone> = {
  queued: "neutral",
  retrying: "warning",
  submitted: "info",
  succeeded: "success",
  skipped_identical: "success-muted",
  kept: "accent",
  failed: "danger",
  cancelled: "neutral",
};

const JOB_TONES: Record<JobStatus, BadgeTone> = {
  queued: "neutral",
  running: "info",
  cancelling: "warning",
  succeeded: "success",
  partially_failed: "warning",
  failed: "danger",
  cancelled: "neutral",
};

export function taskBadge(state: TaskState): { tone: BadgeTone; labelKey: `taskStatus.${TaskState}` } {
  return { tone: TASK_TONES[state], labelKey: `taskStatus.${state}` };
}

export function jobBadge(status: JobStatus): { tone: BadgeTone; labelKey: `jobStatus.${JobStatus}` } {
  return { tone: JOB_TONES[status], labelKey: `jobStatus.${status}` };
}

/** The colour of a job outcome in the history's charts: its status badge's, and a running job's for unfinished ones. */
export function outcomeTone(outcome: HistoryOutcome): BadgeTone {
  return outcome === "unfinished" ? JOB_TONES.running : JOB_TONES[outcome];
}

/** A settled job with kept tags says how many next to its status ("Succeeded (3 kept)"); a moving one does not yet. */
export function keptNote(status: JobStatus, kept: number | undefined): number | null {
  return kept && kept > 0 && !isLiveJobStatus(status) ? kept : null;
}

// A type alias, not an interface, so it can be passed as message values as it is.
export type Progress = {
  done: number;
  total: number;
  /** Whole percent of tags that reached an end; 100 only when every tag did. */
  percent: number;
};

type EndCounts = Pick<JobCounts, "total" | "succeeded" | "skipped" | "kept" | "failed" | "cancelled">;

/** The ends a tag can reach, in the order the bar shows them, each with its colour. */
export const OUTCOMES = [
  ["succeeded", "success"],
  ["skipped", "success-muted"],
  ["kept", "accent"],
  ["failed", "danger"],
  ["cancelled", "neutral"],
] as const satisfies readonly (readonly [keyof EndCounts, ProgressSegment["tone"]])[];

/** Succeeded, identical (skipped), kept, failed and cancelled tags have all reached their end. */
export function progressOf(counts: EndCounts): Progress {
  const total = Math.max(0, counts.total);
  const ended = OUTCOMES.reduce((n, [key]) => n + Math.max(0, counts[key]), 0);
  const done = Math.min(total, ended);
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}

/** One part of the bar per outcome, as a share of every tag. */
export function progressSegments(counts: EndCounts): ProgressSegment[] {
  if (counts.total <= 0) return [];
  return OUTCOMES.map(([key, tone]) => ({ percent: (Math.max(0, counts[key]) * 100) / counts.total, tone }));
}

/** The tags a new attempt would send again: failed and cancelled ones. */
export const retryableCount = (counts: Pick<JobCounts, "failed" | "cancelled">) => counts.failed + counts.cancelled;
