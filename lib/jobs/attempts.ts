import "server-only";
import type { DbTx } from "@/lib/db/create-client";
import { db } from "@/lib/db/client";
import { jobAttemptSchema, type AttemptDto, type JobAttempts } from "./dto";
import { jobNotFound, requireJobExists, taskErrorDto, toJobCounts } from "./store";
import { readTaskCounts } from "./summary";

// An attempt's record: when a new attempt of a job begins (retry, overwrite of kept tags), the attempt
// that ends is written down with its counts and its failures, so a retry does not erase what went wrong.

/** How a new attempt began. */
export type AttemptEnd = "retry" | "overwrite_kept";

/** Failed tags named per error code in an attempt's record. */
const TAGS_PER_ERROR = 20;
/** Error codes kept per attempt, the most frequent first. */
const ERRORS_PER_ATTEMPT = 20;

/** Writes down the job's current attempt, in the caller's transaction, before its tasks are put back in the queue. */
export async function recordAttempt(tx: DbTx, jobId: string, endedBy: string, how: AttemptEnd, now: Date): Promise<void> {
  const job = await tx.syncJob.findUnique({ where: { id: jobId }, select: { attempt: true, override: true, createdAt: true, attemptStartedAt: true, finishedAt: true } });
  if (!job) throw jobNotFound(jobId);
  const counts = toJobCounts(await readTaskCounts(tx, jobId));
  const codes = await tx.syncTask.groupBy({ by: ["lastErrorCode"], where: { jobId, status: "failed" }, _count: { _all: true } });
  const top = codes.sort((a, b) => b._count._all - a._count._all).slice(0, ERRORS_PER_ATTEMPT);
  const errors = [];
  for (const c of top) {
    const tasks = await tx.syncTask.findMany({
      where: { jobId, status: "failed", lastErrorCode: c.lastErrorCode },
      select: { repository: true, tag: true, targetRegion: true, targetNamespace: true, lastErrorCode: true, lastErrorMessage: true, lastErrorMsg: true },
      orderBy: [{ tag: "asc" }, { repository: "asc" }],
      take: TAGS_PER_ERROR,
    });
    errors.push({
      ...(tasks[0] ? taskErrorDto(tasks[0]) : { code: c.lastErrorCode ?? "unknown", message: "" }),
      count: c._count._all,
      tags: tasks.map(({ repository, tag, targetRegion, targetNamespace }) => ({ repository, tag, targetRegion, targetNamespace })),
    });
  }
  await tx.syncAttempt.create({
    data: {
      jobId,
      attempt: job.attempt,
      override: job.override,
      startedAt: job.attemptStartedAt ?? job.createdAt,
      endedAt: job.finishedAt ?? now,
      counts: JSON.stringify(counts),
      errors: JSON.stringify(errors),
      endedBy,
      endedHow: how,
    },
  });
}

/** GET /api/jobs/{id}/attempts: the job's earlier attempts, the latest first. */
export async function listAttempts(jobId: string): Promise<JobAttempts> {
  await requireJobExists(jobId);
  const rows = await db().syncAttempt.findMany({ where: { jobId }, orderBy: { attempt: "desc" } });
  return {
    attempts: rows.map(
      (r): AttemptDto =>
        jobAttemptSchema.parse({
          attempt: r.attempt,
          override: r.override,
          startedAt: r.startedAt.toISOString(),
          endedAt: r.endedAt.toISOString(),
          counts: JSON.parse(r.counts) as unknown,
          errors: JSON.parse(r.errors) as unknown,
          endedBy: { email: r.endedBy },
          endedHow: r.endedHow,
        }),
    ),
  };
}
