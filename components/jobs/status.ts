import type { BadgeTone } from "@/components/ui/badge";
import type { JobCounts } from "@/lib/jobs/dto";
import type { JobStatus, TaskState } from "@/lib/jobs/states";

// How statuses look and add up on screen; pure, so it is tested without a browser.

const TASK_TONES: Record<TaskState, BadgeTone> = {
  queued: "neutral",
  retrying: "warning",
  submitted: "info",
  succeeded: "success",
  failed: "danger",
  cancelled: "neutral",
  skipped_identical: "success",
  kept: "info",
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

// A type alias, not an interface, so it can be passed as message values as it is.
export type Progress = {
  done: number;
  total: number;
  /** Whole percent of tags that reached an end; 100 only when every tag did. */
  percent: number;
};

type EndCounts = Pick<JobCounts, "total" | "succeeded" | "failed" | "cancelled">;

/** Succeeded, failed and cancelled tags have all reached their end. */
export function progressOf(counts: EndCounts): Progress {
  const total = Math.max(0, counts.total);
  const done = Math.min(total, Math.max(0, counts.succeeded + counts.failed + counts.cancelled));
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}

/** The bar's colour once the outcome is known; blue while tags are still moving or nothing went wrong. */
export function progressTone(status: JobStatus): "info" | "success" | "warning" | "danger" {
  const tone = JOB_TONES[status];
  return tone === "neutral" ? "info" : tone;
}

/** The tags a new attempt would send again: failed and cancelled ones. */
export const retryableCount = (counts: Pick<JobCounts, "failed" | "cancelled">) => counts.failed + counts.cancelled;
