import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { cancelUnsentTasks } from "@/lib/sync/handoff";
import { auditFailures } from "./audit-failure";
import type { JobDetail } from "./dto";
import { isJobStatus, isLiveJobStatus, type JobStatus } from "./states";
import { jobNotFound, requireJobDetail } from "./store";
import { refreshJobSummary } from "./summary";

// Cancel: tags not yet sent end `cancelled`; tags SWR already has finish as SWR reports them (SWR has no cancel call).

/** A job's status in words, for messages. */
const STATUS_WORDS: Record<JobStatus, string> = {
  queued: "jobErrors.jobStatus.queued",
  running: "jobErrors.jobStatus.running",
  cancelling: "jobErrors.jobStatus.cancelling",
  succeeded: "jobErrors.jobStatus.succeeded",
  partially_failed: "jobErrors.jobStatus.partially_failed",
  failed: "jobErrors.jobStatus.failed",
  cancelled: "jobErrors.jobStatus.cancelled",
};

/** Marks the job cancelled and its unsent tasks with it, in one transaction; a second cancel changes nothing. */
export async function cancelJobTasks(jobId: string, actor: { id: string; email: string }, now = new Date()): Promise<{ cancelled: number; again: boolean }> {
  return db().$transaction(async (tx) => {
    const job = await tx.syncJob.findUnique({ where: { id: jobId }, select: { status: true, cancelledAt: true, createdById: true } });
    if (!job) throw jobNotFound(jobId);
    if (job.cancelledAt) return { cancelled: 0, again: true };
    if (isJobStatus(job.status) && !isLiveJobStatus(job.status)) {
      throw new AppError("conflict", msg("jobErrors.cancelFinished", { state: msg(STATUS_WORDS[job.status]) }));
    }
    await tx.syncJob.update({ where: { id: jobId }, data: { cancelledAt: now, cancelledById: actor.id } });
    const cancelled = await cancelUnsentTasks(tx, jobId, now);
    await refreshJobSummary(tx, jobId, now);
    await recordAudit({ actor, action: "sync_cancel", target: jobId, outcome: "success", detail: { tags: cancelled } }, tx);
    return { cancelled, again: false };
  });
}

/** POST /api/jobs/{id}/cancel behind the guard: operators, admins and the user who started the job. */
export async function cancelJob(id: string, user: SessionUser): Promise<JobDetail> {
  const actor = { id: user.id, email: user.email };
  return auditFailures({ actor, action: "sync_cancel", target: id }, async () => {
    if (!roleAllows(user.role, "operator")) {
      const job = await db().syncJob.findUnique({ where: { id }, select: { createdById: true } });
      if (!job) throw jobNotFound(id);
      if (job.createdById !== user.id) throw new AppError("forbidden", msg("jobErrors.cancelForbidden"));
    }
    await cancelJobTasks(id, actor);
    return requireJobDetail(id);
  });
}
