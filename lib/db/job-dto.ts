import "server-only";
import type { JobCounts, JobDetail, JobSummary, TaskDto } from "@/lib/jobs/dto";
import {
  countTasks,
  isTerminal,
  JOB_STATUSES,
  TASK_STATES,
  type JobStatus,
  type TaskCounts,
  type TaskState,
} from "@/lib/sync/states";
import type { SyncJob, SyncTask } from "@/prisma/generated/postgres/client";
import type { DbTx } from "./client";

// Rows → the DTOs of lib/jobs/dto.ts. Statuses are checked, so a row the app does not understand fails loudly.

export type JobRow = SyncJob & { createdBy: { email: string } };

/** Prisma `include` that every summary read uses. */
export const jobInclude = { createdBy: { select: { email: true } } } as const;

function taskState(status: string, jobId: string): TaskState {
  const state = TASK_STATES.find((s) => s === status);
  if (!state) throw new Error(`a task of job ${jobId} has an unknown status "${status}"`);
  return state;
}

function jobStatus(status: string, jobId: string): JobStatus {
  const found = JOB_STATUSES.find((s) => s === status);
  if (!found) throw new Error(`job ${jobId} has an unknown status "${status}"`);
  return found;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toJobCounts(c: TaskCounts): JobCounts {
  return {
    total: TASK_STATES.reduce((n, s) => n + c[s], 0),
    queued: c.queued,
    active: c.submitted + c.syncing + c.verifying + c.retrying,
    succeeded: c.succeeded,
    failed: c.failed,
  };
}

export function toJobSummary(job: JobRow, counts: TaskCounts): JobSummary {
  return {
    id: job.id,
    status: jobStatus(job.status, job.id),
    sourceRegion: job.sourceRegion,
    sourceNamespace: job.sourceNamespace,
    sourceRepository: job.sourceRepository,
    targetRegion: job.targetRegion,
    targetNamespace: job.targetNamespace,
    override: job.override,
    createdBy: { email: job.createdBy.email },
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: iso(job.finishedAt),
    attempt: job.attempt,
    counts: toJobCounts(counts),
  };
}

function toTaskDto(task: SyncTask, state: TaskState): TaskDto {
  return {
    tag: task.tag,
    status: state,
    sourceDigest: task.sourceDigest,
    targetDigest: task.targetDigest,
    attempts: task.attempts,
    lastError:
      task.lastErrorCode || task.lastErrorMessage
        ? { code: task.lastErrorCode ?? "unknown", message: task.lastErrorMessage ?? "" }
        : null,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    submittedAt: iso(task.submittedAt),
    finishedAt: iso(task.finishedAt),
  };
}

export function toJobDetail(job: JobRow & { tasks: SyncTask[] }): JobDetail {
  const tasks = job.tasks.map((row) => ({ row, state: taskState(row.status, job.id) }));
  return {
    ...toJobSummary(job, countTasks(tasks.map((t) => t.state))),
    tasks: tasks.map((t) => toTaskDto(t.row, t.state)),
    live: tasks.some((t) => !isTerminal(t.state)),
  };
}

/** Task counts per job for a page of jobs, in one grouped query. */
export async function taskCountsOf(
  client: DbTx,
  jobIds: readonly string[],
): Promise<Map<string, TaskCounts>> {
  const out = new Map(jobIds.map((id) => [id, countTasks([])]));
  if (jobIds.length === 0) return out;
  const groups = await client.syncTask.groupBy({
    by: ["jobId", "status"],
    where: { jobId: { in: [...jobIds] } },
    _count: { _all: true },
  });
  for (const g of groups) {
    const counts = out.get(g.jobId);
    if (counts) counts[taskState(g.status, g.jobId)] += g._count._all;
  }
  return out;
}

/** Summaries of job rows, with their task counts. */
export async function toJobSummaries(client: DbTx, jobs: readonly JobRow[]): Promise<JobSummary[]> {
  const counts = await taskCountsOf(
    client,
    jobs.map((j) => j.id),
  );
  return jobs.map((j) => toJobSummary(j, counts.get(j.id) ?? countTasks([])));
}
