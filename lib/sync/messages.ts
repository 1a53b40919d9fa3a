import "server-only";
import { english } from "@/i18n/english";
import { type Message, msg } from "@/i18n/message";
import { SwrError, swrErrorMsg } from "@/lib/swr/errors";

// What a person reads on a task that failed: a code for filtering and a catalog message (taskErrors.*, swrErrors.*)
// that says what to do. The task keeps the message as data (`lastErrorMsg`) and in English (`lastErrorMessage`).

export interface TaskError {
  code: string;
  /** The message in English, for the API, CSV exports and logs. */
  message: string;
  msg: Message;
}

export interface SyncTarget {
  targetRegion: string;
  targetNamespace: string;
}

const taskError = (code: string, m: Message): TaskError => ({ code, message: english(m), msg: m });
const short = (digest: string) => (digest.length > 19 ? `${digest.slice(0, 19)}…` : digest);

/** A failed SWR call: SWR's own code when it sent one, else the kind of failure. */
export function swrCallError(error: unknown): TaskError {
  const m = swrErrorMsg(error);
  if (!(error instanceof SwrError)) return taskError("internal", m);
  return taskError(error.code ?? (error.status ? `http_${error.status}` : error.kind), m);
}

const RECORD_FAILURES: Record<string, string> = {
  failed: "taskErrors.recordFailed",
  timeout: "taskErrors.recordTimeout",
  cancel: "taskErrors.recordCancelled",
};

/** SWR's job record ended badly; SWR gives no reason beyond the status (§8.8). */
export function recordFailure(status: string, t: SyncTarget): TaskError {
  return taskError(
    `swr_${status}`,
    msg(RECORD_FAILURES[status] ?? "taskErrors.recordEnded", { namespace: t.targetNamespace, region: t.targetRegion, status }),
  );
}

export const notReplaced = (): TaskError => taskError("target_differs", msg("taskErrors.notReplaced"));

export const digestMismatch = (target: string, source: string): TaskError =>
  taskError("digest_mismatch", msg("taskErrors.digestMismatch", { target: short(target), source: short(source) }));

/** Minutes for the usual settings, seconds below one minute (short limits in tests and demos). */
export function waitMessage(ms: number): Message {
  if (ms >= 60_000) return msg("taskErrors.minutes", { minutes: Math.round(ms / 6_000) / 10 });
  return msg("taskErrors.seconds", { seconds: Math.round(ms / 100) / 10 });
}

export const formatWait = (ms: number): string => english(waitMessage(ms));

export const noProgress = (ms: number, lastSwrError?: Message | null): TaskError =>
  taskError(
    "no_progress",
    lastSwrError
      ? msg("taskErrors.noProgressSince", { wait: waitMessage(ms), lastError: lastSwrError })
      : msg("taskErrors.noProgress", { wait: waitMessage(ms) }),
  );

/** The task columns of an error (or of none). */
export function errorColumns(e: TaskError | null): { lastErrorCode: string | null; lastErrorMessage: string | null; lastErrorMsg: string | null } {
  return e ? { lastErrorCode: e.code, lastErrorMessage: e.message, lastErrorMsg: JSON.stringify(e.msg) } : { lastErrorCode: null, lastErrorMessage: null, lastErrorMsg: null };
}

export const NO_ERROR = errorColumns(null);
