import { digestMismatch, noProgress, notReplaced, overrideHint, recordFailure, type SyncTarget, type TaskError } from "./messages";
import type { SwrSyncRecord } from "./records";
import type { TaskState } from "./states";

// Watch and verify, as pure decisions: given a tag's SWR record and the target's tags, where does it go (§9.4–9.6)?

export type WatchedState = Extract<TaskState, "submitted" | "syncing" | "verifying">;

export interface WatchedTask {
  tag: string;
  status: WatchedState;
  sourceDigest: string | null;
  swrJobId: string | null;
  swrStatus: string | null;
  progressAt: Date;
  /** The SWR error shown on the tag so far, quoted when it finally times out. */
  lastErrorMessage: string | null;
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
  /** Why this round could not read SWR, shown on tags that are still waiting. */
  roundError?: TaskError;
}

export interface TaskFields {
  swrJobId?: string | null;
  swrStatus?: string | null;
  targetDigest?: string | null;
  lastErrorCode?: string | null;
  lastErrorMessage?: string | null;
}

export type Decision =
  /** Same state; `progressed` when SWR's status moved (that counts as progress, not as a state change). */
  | { kind: "keep"; progressed: boolean; fields: TaskFields }
  /** One or more transitions, in order, each allowed by the state machine; fields go with the last. */
  | { kind: "move"; path: TaskState[]; fields: TaskFields };

const FAILED = new Set(["failed", "timeout", "cancel"]);
const DONE = new Set(["success", "existed"]);

type Verdict = { kind: "succeeded"; digest: string | null } | { kind: "failed"; digest: string; error: TaskError } | { kind: "pending" };

const errorFields = (e: TaskError | undefined): TaskFields => ({ lastErrorCode: e?.code ?? null, lastErrorMessage: e?.message ?? null });

/** Only the target decides success: the tag is there with the source's digest (when both are known). */
function verify(t: WatchedTask, record: SwrSyncRecord | undefined, target: TargetView, job: WatchedJob): Verdict {
  if (!target.listed) return { kind: "pending" };
  const digest = target.digests.get(t.tag);
  if (digest === undefined) return { kind: "pending" };
  if (!t.sourceDigest || !digest || digest === t.sourceDigest) return { kind: "succeeded", digest: digest || null };
  if (!job.override) return { kind: "failed", digest, error: overrideHint() };
  if (record?.status === "existed") return { kind: "failed", digest, error: notReplaced() };
  if (record?.status === "success") return { kind: "failed", digest, error: digestMismatch(digest, t.sourceDigest) };
  // No record yet and override on: the replacing sync may still be on its way.
  return { kind: "pending" };
}

/** Whether the tag's next step is a look at the target: SWR says done, or SWR shows no record for too long. */
export function wantsVerification(t: WatchedTask, record: SwrSyncRecord | undefined, o: DecideOptions): boolean {
  if (record) return DONE.has(record.status);
  return t.status === "verifying" || o.now.getTime() - t.progressAt.getTime() >= o.recordWindowMs;
}

export function decideTask(t: WatchedTask, record: SwrSyncRecord | undefined, target: TargetView, job: WatchedJob, o: DecideOptions): Decision {
  const seen: TaskFields = record ? { swrJobId: String(record.id), swrStatus: record.status } : {};
  const progressed = record !== undefined && (seen.swrJobId !== t.swrJobId || seen.swrStatus !== t.swrStatus);
  const waiting = (): Decision => {
    const stalled = !progressed && o.now.getTime() - t.progressAt.getTime() >= o.noProgressMs;
    if (stalled) return { kind: "move", path: ["failed"], fields: { ...seen, ...errorFields(noProgress(o.noProgressMs, o.roundError?.message ?? t.lastErrorMessage)) } };
    return { kind: "keep", progressed, fields: { ...seen, ...errorFields(o.roundError) } };
  };

  if (record && FAILED.has(record.status)) {
    return { kind: "move", path: ["failed"], fields: { ...seen, ...errorFields(recordFailure(record.status, job)) } };
  }
  if (!wantsVerification(t, record, o)) {
    // waiting, running, or a status SWR added since: not terminal (§8.8).
    if (t.status === "submitted" && record) return { kind: "move", path: ["syncing"], fields: { ...seen, ...errorFields(o.roundError) } };
    return waiting();
  }
  const toVerifying: TaskState[] = t.status === "verifying" ? [] : ["verifying"];
  const verdict = verify(t, record, target, job);
  if (verdict.kind === "succeeded") {
    return { kind: "move", path: [...toVerifying, "succeeded"], fields: { ...seen, targetDigest: verdict.digest, ...errorFields(undefined) } };
  }
  if (verdict.kind === "failed") {
    return { kind: "move", path: [...toVerifying, "failed"], fields: { ...seen, targetDigest: verdict.digest, ...errorFields(verdict.error) } };
  }
  if (toVerifying.length > 0) return { kind: "move", path: toVerifying, fields: { ...seen, ...errorFields(o.roundError) } };
  return waiting();
}
