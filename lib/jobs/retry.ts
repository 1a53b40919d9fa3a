import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { type Message, msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { resetForNewAttempt } from "@/lib/sync/handoff";
import { type AttemptEnd, recordAttempt } from "./attempts";
import { auditFailures } from "./audit-failure";
import type { JobDetail } from "./dto";
import { ACTIVE_TASK_STATES, OVERWRITABLE_TASK_STATES, RETRYABLE_TASK_STATES, type TaskState } from "./states";
import { jobNotFound, requireJobDetail } from "./store";
import { readTaskCounts, refreshJobSummary } from "./summary";

// New attempts of a settled job, for some of its tags only; the engine picks them up by itself.
// "Retry": the failed and cancelled tags. "Overwrite the kept tags": the tags left in place because override was off,
// sent again with override on.

interface NewAttempt {
  action: "sync_retry" | "sync_overwrite_kept";
  /** How the attempt that ends is written down in its record. */
  how: AttemptEnd;
  states: readonly TaskState[];
  /** The job's override from this attempt on; unchanged when absent. */
  override?: true;
  /** Takes `count`, the tags not finished yet. */
  stillRunning: string;
  nothingToDo: Message;
  concurrent: Message;
}

const RETRY: NewAttempt = {
  action: "sync_retry",
  how: "retry",
  states: RETRYABLE_TASK_STATES,
  stillRunning: "jobErrors.retryStillRunning",
  nothingToDo: msg("jobErrors.retryNothingToDo"),
  concurrent: msg("jobErrors.retryConcurrent"),
};

const OVERWRITE_KEPT: NewAttempt = {
  action: "sync_overwrite_kept",
  how: "overwrite_kept",
  states: OVERWRITABLE_TASK_STATES,
  override: true,
  stillRunning: "jobErrors.overwriteStillRunning",
  nothingToDo: msg("jobErrors.overwriteNothingToDo"),
  concurrent: msg("jobErrors.overwriteConcurrent"),
};

/** Re-queues the job's tasks in `kind.states` as attempt n+1, with its audit event, in one transaction. */
async function startNewAttempt(kind: NewAttempt, jobId: string, actor: { id: string; email: string }, now: Date): Promise<{ requeued: number; attempt: number }> {
  return db().$transaction(async (tx) => {
    const job = await tx.syncJob.findUnique({ where: { id: jobId }, select: { attempt: true } });
    if (!job) throw jobNotFound(jobId);
    // Holds the job's row from here on: a simultaneous request waits, then finds the attempt moved on (before it
    // could write a second record of the same attempt).
    const { count: held } = await tx.syncJob.updateMany({ where: { id: jobId, attempt: job.attempt }, data: { attempt: job.attempt } });
    if (held === 0) throw new AppError("conflict", kind.concurrent);
    const counts = await readTaskCounts(tx, jobId);
    const inFlight = ACTIVE_TASK_STATES.reduce((n, s) => n + counts[s], 0);
    if (inFlight > 0) throw new AppError("conflict", msg(kind.stillRunning, { count: inFlight }));
    const wanted = kind.states.reduce((n, s) => n + counts[s], 0);
    if (wanted === 0) throw new AppError("conflict", kind.nothingToDo);
    await recordAttempt(tx, jobId, actor.email, kind.how, now);
    const requeued = await resetForNewAttempt(tx, jobId, now, kind.states);
    if (requeued !== wanted) throw new AppError("conflict", kind.concurrent);
    const attempt = job.attempt + 1;
    await tx.syncJob.update({
      where: { id: jobId },
      data: { attempt, attemptStartedAt: now, cancelledAt: null, cancelledById: null, finishedAt: null, ...(kind.override ? { override: true } : {}) },
    });
    await refreshJobSummary(tx, jobId, now);
    await recordAudit({ actor, action: kind.action, target: jobId, outcome: "success", detail: { tags: requeued, attempt } }, tx);
    return { requeued, attempt };
  });
}

/** Re-queues the failed and cancelled tasks of a settled job as attempt n+1, with its audit event, in one transaction. */
export function retryFailedTasks(jobId: string, actor: { id: string; email: string }, now = new Date()): Promise<{ requeued: number; attempt: number }> {
  return startNewAttempt(RETRY, jobId, actor, now);
}

/** Re-queues the kept tasks of a settled job as attempt n+1 with override on, with its audit event, in one transaction. */
export function overwriteKeptTasks(jobId: string, actor: { id: string; email: string }, now = new Date()): Promise<{ requeued: number; attempt: number }> {
  return startNewAttempt(OVERWRITE_KEPT, jobId, actor, now);
}

async function auditedAttempt(kind: NewAttempt, id: string, user: SessionUser): Promise<JobDetail> {
  const actor = { id: user.id, email: user.email };
  return auditFailures({ actor, action: kind.action, target: id }, async () => {
    await startNewAttempt(kind, id, actor, new Date());
    return requireJobDetail(id);
  });
}

/** POST /api/jobs/{id}/retry behind the guard: a new attempt, audited either way. */
export const retryJob = (id: string, user: SessionUser): Promise<JobDetail> => auditedAttempt(RETRY, id, user);

/** POST /api/jobs/{id}/overwrite-kept behind the guard: a new attempt of the kept tags with override on, audited either way. */
export const overwriteKeptJob = (id: string, user: SessionUser): Promise<JobDetail> => auditedAttempt(OVERWRITE_KEPT, id, user);
