import "server-only";
import { describeSwrError, SwrError } from "@/lib/swr/errors";

// What a person reads on a task that failed: a code for filtering and a sentence that says what to do.

export interface TaskError {
  code: string;
  message: string;
}

export interface SyncTarget {
  targetRegion: string;
  targetNamespace: string;
}

const where = (t: SyncTarget) => `namespace \`${t.targetNamespace}\` in ${t.targetRegion}`;
const short = (digest: string) => (digest.length > 19 ? `${digest.slice(0, 19)}…` : digest);

/** A failed SWR call: SWR's own code when it sent one, else the kind of failure. */
export function swrCallError(error: unknown): TaskError {
  const message = describeSwrError(error);
  if (!(error instanceof SwrError)) return { code: "internal", message };
  return { code: error.code ?? (error.status ? `http_${error.status}` : error.kind), message };
}

const RECORD_FAILURES: Record<string, string> = {
  failed: "failed",
  timeout: "timed out",
  cancel: "was cancelled",
};

/** SWR's job record ended badly; SWR gives no reason beyond the status (§8.8). */
export function recordFailure(status: string, t: SyncTarget): TaskError {
  const what = RECORD_FAILURES[status] ?? "ended";
  return { code: `swr_${status}`, message: `SWR reports that the sync to ${where(t)} ${what} (status "${status}").` };
}

export const notReplaced = (): TaskError => ({
  code: "target_differs",
  message: "The tag exists in the target with a different image, and SWR did not replace it although “Overwrite existing tags” was on.",
});

export const digestMismatch = (target: string, source: string): TaskError => ({
  code: "digest_mismatch",
  message: `The target holds a different image (${short(target)}) than the source had when the job started (${short(source)}); the source tag may have been pushed again since.`,
});

/** Minutes for the usual settings, seconds below one minute (short limits in tests and demos). */
export function formatWait(ms: number): string {
  if (ms >= 60_000) {
    const minutes = Math.round(ms / 6_000) / 10;
    return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  }
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
}

export const noProgress = (ms: number, lastSwrError?: string | null): TaskError => ({
  code: "no_progress",
  message: `Not found in target after ${formatWait(ms)}.${lastSwrError ? ` The last SWR error was: ${lastSwrError}` : ""}`,
});
