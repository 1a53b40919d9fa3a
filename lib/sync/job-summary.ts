import type { DbTx } from "@/lib/db/create-client";
import { countTasks, deriveJobStatus, isTerminal, TASK_STATES, type JobStatus, type TaskState } from "./states";

const isTaskState = (s: string): s is TaskState => (TASK_STATES as readonly string[]).includes(s);

/**
 * Re-derives a job's status and counts from its tasks and stores them, in the caller's transaction.
 * Every writer of task states calls this, so the stored summary never drifts from the tasks.
 */
export async function recomputeJob(tx: DbTx, jobId: string, now = new Date()): Promise<JobStatus> {
  const tasks = await tx.syncTask.findMany({ where: { jobId }, select: { status: true } });
  const states = tasks.map((t) => {
    if (!isTaskState(t.status)) throw new Error(`task of job ${jobId} has an unknown status "${t.status}"`);
    return t.status;
  });
  const counts = countTasks(states);
  const status = deriveJobStatus(counts);
  const done = states.length > 0 && states.every(isTerminal);
  await tx.syncJob.update({
    where: { id: jobId },
    data: {
      status,
      total: states.length,
      succeeded: counts.succeeded,
      failed: counts.failed,
      finishedAt: done ? now : null,
    },
  });
  return status;
}
