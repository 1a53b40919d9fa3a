import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { resetForNewAttempt } from "@/lib/sync/handoff";
import { recordAttempt } from "./attempts";
import { auditFailures } from "./audit-failure";
import type { JobDetail } from "./dto";
import { ACTIVE_TASK_STATES, RETRYABLE_TASK_STATES } from "./states";
import { jobNotFound, requireJobDetail } from "./store";
import { readTaskCounts, refreshJobSummary } from "./summary";

// "Retry": a new attempt of a settled job's failed and cancelled tags only; the engine picks them up by itself.

/** Re-queues the failed and cancelled tasks of a settled job as attempt n+1, with its audit event, in one transaction. */
export async function retryFailedTasks(jobId: string, actor: { id: string; email: string }, now = new Date()): Promise<{ requeued: number; attempt: number }> {
  return db().$transaction(async (tx) => {
    const job = await tx.syncJob.findUnique({ where: { id: jobId }, select: { attempt: true } });
    if (!job) throw jobNotFound(jobId);
    const counts = await readTaskCounts(tx, jobId);
    const inFlight = ACTIVE_TASK_STATES.filter((s) => counts[s] > 0);
    if (inFlight.length > 0) {
      const detail = inFlight.map((s) => `${counts[s]} ${s}`).join(", ");
      throw new AppError("conflict", `This job is still running (${detail}); retry its failed tags once every tag has finished.`);
    }
    const retryable = RETRYABLE_TASK_STATES.reduce((n, s) => n + counts[s], 0);
    if (retryable === 0) throw new AppError("conflict", "No tag of this job failed or was cancelled, so there is nothing to retry.");
    await recordAttempt(tx, jobId, actor.email, "retry", now);
    const requeued = await resetForNewAttempt(tx, jobId, now);
    // A concurrent retry re-queued them first (PostgreSQL re-checks the filter after the row lock).
    if (requeued !== retryable) throw new AppError("conflict", "This job was just retried by another request; reload it.");
    const attempt = job.attempt + 1;
    await tx.syncJob.update({ where: { id: jobId }, data: { attempt, attemptStartedAt: now, cancelledAt: null, cancelledById: null, finishedAt: null } });
    await refreshJobSummary(tx, jobId, now);
    await recordAudit({ actor, action: "sync_retry", target: jobId, outcome: "success", detail: { tags: requeued, attempt } }, tx);
    return { requeued, attempt };
  });
}

/** POST /api/jobs/{id}/retry behind the guard: a new attempt, audited either way. */
export async function retryJob(id: string, user: SessionUser): Promise<JobDetail> {
  const actor = { id: user.id, email: user.email };
  return auditFailures({ actor, action: "sync_retry", target: id }, async () => {
    await retryFailedTasks(id, actor);
    return requireJobDetail(id);
  });
}
