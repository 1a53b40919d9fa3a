import "server-only";
import { AppError } from "@/lib/errors";
import { recomputeJob } from "@/lib/sync/job-summary";
import { isTerminal, TASK_STATES } from "@/lib/sync/states";
import { recordAudit, type AuditActor } from "./audit";
import { db } from "./client";
import { jobNotFound } from "./jobs";

// "Retry failed": a new attempt of a job's failed tasks only; the engine picks the queued tasks up by itself.

/** Re-queues the failed tasks of a finished job as attempt n+1, with its audit event, in one transaction. */
export async function retryFailedTasks(
  jobId: string,
  actor: AuditActor,
  now = new Date(),
): Promise<{ requeued: number; attempt: number }> {
  return db().$transaction(async (tx) => {
    const job = await tx.syncJob.findUnique({ where: { id: jobId }, select: { attempt: true } });
    if (!job) throw jobNotFound(jobId);
    const groups = await tx.syncTask.groupBy({ by: ["status"], where: { jobId }, _count: { _all: true } });
    const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
    const inFlight = TASK_STATES.filter((s) => !isTerminal(s) && count(s) > 0);
    if (inFlight.length > 0) {
      const detail = inFlight.map((s) => `${count(s)} ${s}`).join(", ");
      throw new AppError(
        "conflict",
        `This job is still running (${detail}); retry its failed tags once every tag has finished.`,
      );
    }
    const failed = count("failed");
    if (failed === 0)
      throw new AppError("conflict", "No tag of this job failed, so there is nothing to retry.");

    const requeued = await tx.syncTask.updateMany({
      where: { jobId, status: "failed" },
      data: {
        status: "queued",
        attempts: { increment: 1 },
        lastErrorCode: null,
        lastErrorMessage: null,
        swrJobId: null,
        swrStatus: null,
        swrPriorJobId: null,
        submitTries: 0,
        targetDigest: null,
        submittedAt: null,
        nextCheckAt: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        finishedAt: null,
        progressAt: now,
      },
    });
    // A concurrent retry re-queued them first (PostgreSQL re-checks the filter after the row lock).
    if (requeued.count !== failed)
      throw new AppError("conflict", "This job was just retried by another request; reload it.");
    const attempt = job.attempt + 1;
    await tx.syncJob.update({ where: { id: jobId }, data: { attempt } });
    await recomputeJob(tx, jobId, now);
    await recordAudit(
      { actor, action: "sync_retry", target: jobId, outcome: "success", detail: { tags: failed, attempt } },
      tx,
    );
    return { requeued: failed, attempt };
  });
}
