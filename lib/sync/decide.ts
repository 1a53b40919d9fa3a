import "server-only";
import { messageFromJson } from "@/i18n/message";
import { digestMismatch, errorColumns, NO_ERROR, noProgress, notReplaced, recordFailure, type SyncTarget, type TaskError } from "./messages";
import type { SwrSyncRecord } from "./records";

// Watch and verify, as pure decisions: given a submitted tag's SWR record and the target's tags, has it ended, and how?

export interface WatchedTask {
  tag: string;
  sourceDigest: string | null;
  submittedAt: Date | null;
  /** The SWR error shown on the tag so far (a catalog message as JSON), quoted when it finally times out. */
  lastErrorMsg: string | null;
}

export interface WatchedJob extends SyncTarget {
  override: boolean;
}

/** The target repository's tags (tag → digest, "" when SWR gave none), or unknown when not read. */
export type TargetView = { listed: false } | { listed: true; digests: ReadonlyMap<string, string> };

export interface DecideOptions {
  now: Date;
  recordWindowMs: number;
  noProgressMs: number;
  /** When the job last moved: a job still for `noProgressMs` fails the tags it waits for. */
  jobProgressAt: Date;
  /** Why this round could not read SWR, quoted on tags that time out. */
  roundError?: TaskError;
}

export interface EndFields {
  targetDigest: string | null;
  swrJobId: string | null;
  swrStatus: string | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  lastErrorMsg: string | null;
}

/** How a watched tag ends: `kept` when the target holds another image and override is off (left in place, as asked). */
export type EndStatus = "succeeded" | "kept" | "failed";

export type Decision = { kind: "wait" } | { kind: "end"; status: EndStatus; fields: EndFields };

const FAILED = new Set(["failed", "timeout", "cancel"]);
const DONE = new Set(["success", "existed"]);

type Verdict =
  | { kind: "succeeded"; digest: string | null }
  | { kind: "kept"; digest: string }
  | { kind: "failed"; digest: string; error: TaskError }
  | { kind: "pending" };

/**
 * Only the target decides success: the tag is there with the source's digest (when both are known). Another
 * image there with override off is the outcome the user chose, even when it appeared after the job's plan.
 */
function verify(t: WatchedTask, record: SwrSyncRecord | undefined, target: TargetView, job: WatchedJob): Verdict {
  if (!target.listed) return { kind: "pending" };
  const digest = target.digests.get(t.tag);
  if (digest === undefined) return { kind: "pending" };
  if (!t.sourceDigest || !digest || digest === t.sourceDigest) return { kind: "succeeded", digest: digest || null };
  if (!job.override) return { kind: "kept", digest };
  if (record?.status === "existed") return { kind: "failed", digest, error: notReplaced() };
  if (record?.status === "success") return { kind: "failed", digest, error: digestMismatch(digest, t.sourceDigest) };
  // No record yet and override on: the replacing sync may still be on its way.
  return { kind: "pending" };
}

/** Whether the tag's next step is a look at the target: SWR says done, or SWR shows no record for too long. */
export function wantsVerification(t: WatchedTask, record: SwrSyncRecord | undefined, o: Pick<DecideOptions, "now" | "recordWindowMs">): boolean {
  if (record) return DONE.has(record.status);
  const since = t.submittedAt?.getTime() ?? 0;
  return o.now.getTime() - since >= o.recordWindowMs;
}

export function decideTask(t: WatchedTask, record: SwrSyncRecord | undefined, target: TargetView, job: WatchedJob, o: DecideOptions): Decision {
  const seen = { swrJobId: record ? String(record.id) : null, swrStatus: record?.status ?? null };
  if (record && FAILED.has(record.status)) {
    const e = recordFailure(record.status, job);
    return { kind: "end", status: "failed", fields: { ...seen, targetDigest: null, ...errorColumns(e) } };
  }
  if (wantsVerification(t, record, o)) {
    const verdict = verify(t, record, target, job);
    if (verdict.kind === "succeeded") {
      return { kind: "end", status: "succeeded", fields: { ...seen, targetDigest: verdict.digest, ...NO_ERROR } };
    }
    if (verdict.kind === "kept") {
      return { kind: "end", status: "kept", fields: { ...seen, targetDigest: verdict.digest, ...NO_ERROR } };
    }
    if (verdict.kind === "failed") {
      return { kind: "end", status: "failed", fields: { ...seen, targetDigest: verdict.digest, ...errorColumns(verdict.error) } };
    }
  }
  // waiting, running, a status SWR added since, or not in the target yet.
  if (o.now.getTime() - o.jobProgressAt.getTime() >= o.noProgressMs) {
    const e = noProgress(o.noProgressMs, o.roundError?.msg ?? messageFromJson(t.lastErrorMsg));
    return { kind: "end", status: "failed", fields: { ...seen, targetDigest: null, ...errorColumns(e) } };
  }
  return { kind: "wait" };
}
