import type { DbTx } from "@/lib/db/create-client";
import { enqueueJobOutcome } from "@/lib/webhooks/enqueue";
import { deriveJobStatus, emptyCounts, isTaskState, isTerminal, TASK_STATES, totalOf, type JobStatus, type TaskCounts } from "./states";

// A job's stored summary (status and counters) follows from its tasks: one grouped count, one row write.
// Every writer of task states (the engine at the end of a round, retry, cancel) ends with it.

/** The job's tasks counted by state, in one grouped query. */
export async function readTaskCounts(tx: DbTx, jobId: string): Promise<TaskCounts> {
  const groups = await tx.syncTask.groupBy({ by: ["status"], where: { jobId }, _count: { _all: true } });
  const counts = emptyCounts();
  for (const g of groups) {
    if (!isTaskState(g.status)) throw new Error(`a task of job ${jobId} has an unknown status "${g.status}"`);
    counts[g.status] += g._count._all;
  }
  return counts;
}

export interface SummaryFields {
  status: JobStatus;
  total: number;
  queued: number;
  active: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  skipped: number;
  kept: number;
  finishedAt: Date | null;
}

/** The job columns that summarise `counts`; `finishedAt` is set once every task has ended. */
export function summaryFields(counts: TaskCounts, cancelRequested: boolean, now: Date, finishedAt: Date | null = null): SummaryFields {
  const done = totalOf(counts) > 0 && TASK_STATES.every((s) => isTerminal(s) || counts[s] === 0);
  return {
    status: deriveJobStatus(counts, cancelRequested),
    total: totalOf(counts),
    queued: counts.queued,
    active: counts.retrying + counts.submitted,
    succeeded: counts.succeeded,
    failed: counts.failed,
    cancelled: counts.cancelled,
    skipped: counts.skipped_identical,
    kept: counts.kept,
    finishedAt: done ? (finishedAt ?? now) : null,
  };
}

/** Re-derives the job's status and counters from its tasks and stores them, in the caller's transaction. */
export async function refreshJobSummary(tx: DbTx, jobId: string, now = new Date()): Promise<SummaryFields> {
  const job = await tx.syncJob.findUniqueOrThrow({ where: { id: jobId }, select: { cancelledAt: true, finishedAt: true } });
  const fields = summaryFields(await readTaskCounts(tx, jobId), job.cancelledAt !== null, now, job.finishedAt);
  await tx.syncJob.update({ where: { id: jobId }, data: fields });
  // The job has just finished (a cancel, say): its webhook events are queued in the same transaction.
  if (!job.finishedAt && fields.finishedAt) await enqueueJobOutcome(tx, jobId, now);
  return fields;
}
