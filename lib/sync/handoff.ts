import "server-only";
import type { DbTx } from "@/lib/db/create-client";
import { RETRYABLE_TASK_STATES, type TaskState, UNSENT_TASK_STATES } from "@/lib/jobs/states";

// What the rest of the app may ask of the engine's columns. Only lib/sync writes them; a new attempt
// and a cancel go through these functions, inside the caller's transaction.

/**
 * Puts the job's tasks in `states` (by default the failed and cancelled ones) back in the queue as a new attempt,
 * due at once; returns how many.
 */
export async function resetForNewAttempt(tx: DbTx, jobId: string, now: Date, states: readonly TaskState[] = RETRYABLE_TASK_STATES): Promise<number> {
  const { count } = await tx.syncTask.updateMany({
    where: { jobId, status: { in: [...states] } },
    data: {
      status: "queued",
      attempts: { increment: 1 },
      lastErrorCode: null,
      lastErrorMessage: null,
      lastErrorMsg: null,
      swrJobId: null,
      swrStatus: null,
      swrPriorJobId: null,
      submitTries: 0,
      targetDigest: null,
      submittedAt: null,
      nextCheckAt: null,
      finishedAt: null,
    },
  });
  await tx.syncJob.update({ where: { id: jobId }, data: { nextRoundAt: now, progressAt: now, submitMark: null } });
  return count;
}

/** Ends the tasks not yet handed to SWR as cancelled; tasks SWR has stay with the engine until SWR reports them. */
export async function cancelUnsentTasks(tx: DbTx, jobId: string, now: Date): Promise<number> {
  const { count } = await tx.syncTask.updateMany({
    where: { jobId, status: { in: [...UNSENT_TASK_STATES] } },
    data: { status: "cancelled", nextCheckAt: null, finishedAt: now, swrStatus: null },
  });
  return count;
}
