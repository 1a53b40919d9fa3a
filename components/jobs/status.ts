import type { BadgeTone } from "@/components/ui/badge";
import type { JobStatus, TaskState } from "@/lib/sync/states";

// How statuses look and add up on screen; pure, so it is tested without a browser.

const TASK_TONES: Record<TaskState, BadgeTone> = {
  queued: "neutral",
  submitted: "info",
  syncing: "info",
  verifying: "info",
  retrying: "warning",
  succeeded: "success",
  failed: "danger",
};

const JOB_TONES: Record<JobStatus, BadgeTone> = {
  queued: "neutral",
  running: "info",
  succeeded: "success",
  partially_failed: "warning",
  failed: "danger",
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

export function progressOf(counts: { total: number; succeeded: number; failed: number }): Progress {
  const total = Math.max(0, counts.total);
  const done = Math.min(total, Math.max(0, counts.succeeded + counts.failed));
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}

/** The bar's colour once the outcome is known; blue while tags are still moving. */
export function progressTone(status: JobStatus): "info" | "success" | "warning" | "danger" {
  const tone = JOB_TONES[status];
  return tone === "neutral" ? "info" : tone;
}
