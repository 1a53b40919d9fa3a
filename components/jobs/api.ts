import { apiUrl, getJson, sendJson } from "@/lib/query/api-client";
import {
  jobAttemptsSchema,
  startAnswerSchema,
  type JobAttempts,
  jobAnswerSchema,
  jobPageSchema,
  jobPlanSchema,
  jobProgressSchema,
  jobHistoryStatsSchema,
  jobStatsSchema,
  jobTimelineSchema,
  taskPageSchema,
  type JobAnswer,
  type JobDetail,
  type JobPage,
  type JobPlan,
  type JobProgress,
  type JobHistoryStats,
  type JobStats,
  type JobTimeline,
  type TaskDto,
  type TaskPage,
} from "@/lib/jobs/dto";
import type { TaskState } from "@/lib/jobs/states";
import type { SyncRequest } from "@/components/sync-panel/sync-request";
import type { JobFilters } from "./filters";

// The Jobs API as the browser calls it (docs/api.md "Jobs"); answers are parsed with the server's own DTO schemas.

export const JOB_PAGE_SIZE = 25;
export const TASK_PAGE_SIZE = 100;

export const jobApiUrl = (id: string) => `/api/jobs/${encodeURIComponent(id)}`;

export async function fetchJob(id: string, signal?: AbortSignal): Promise<JobDetail> {
  return (await getJson(jobApiUrl(id), jobAnswerSchema, signal)).job;
}

/** The job and the tasks (between the tags `from` and `to`, when given) that changed after `since`, a version an earlier answer carried. */
export function fetchJobChanges(
  id: string,
  since: string,
  signal?: AbortSignal,
  window: { from?: string; to?: string } = {},
): Promise<JobAnswer> {
  return getJson(apiUrl(jobApiUrl(id), { since, ...window }), jobAnswerSchema, signal);
}

export interface TaskPageQuery {
  status?: TaskState;
  q?: string;
  /** A source repository of the job. */
  repository?: string;
  /** A target of the job as `region/namespace`. */
  target?: string;
  offset: number;
}

export function fetchTaskPage(id: string, query: TaskPageQuery, signal?: AbortSignal): Promise<TaskPage> {
  return getJson(apiUrl(`${jobApiUrl(id)}/tasks`, { ...query, limit: TASK_PAGE_SIZE }), taskPageSchema, signal);
}

/** How many of the job's tasks are in `status`: a one-row page is enough to read `total`. */
export async function fetchTaskCount(id: string, status: TaskState, signal?: AbortSignal): Promise<number> {
  const url = apiUrl(`${jobApiUrl(id)}/tasks`, { status, offset: 0, limit: 1 });
  return (await getJson(url, taskPageSchema, signal)).total;
}

export type TaskName = Pick<TaskDto, "repository" | "tag" | "targetRegion" | "targetNamespace">;

/** The first `limit` of the job's tasks in `status` (by tag), named by repository, tag and target, and how many there are in all. */
export async function fetchTaskNames(id: string, status: TaskState, limit: number, signal?: AbortSignal): Promise<{ tasks: TaskName[]; total: number }> {
  const page = await getJson(apiUrl(`${jobApiUrl(id)}/tasks`, { status, offset: 0, limit }), taskPageSchema, signal);
  return {
    tasks: page.items.map(({ repository, tag, targetRegion, targetNamespace }) => ({ repository, tag, targetRegion, targetNamespace })),
    total: page.total,
  };
}

/** Task counts per repository and target of the job. */
export function fetchJobProgress(id: string, signal?: AbortSignal): Promise<JobProgress> {
  return getJson(`${jobApiUrl(id)}/progress`, jobProgressSchema, signal);
}

/** One page of the history; days in the filters are days in `timeZone`, the zone the page shows times in. */
export function fetchJobPage(filters: JobFilters, timeZone: string, cursor: string | null, signal?: AbortSignal): Promise<JobPage> {
  return getJson(apiUrl("/api/jobs", { ...filters, tz: timeZone, cursor, limit: JOB_PAGE_SIZE }), jobPageSchema, signal);
}

export function fetchJobStats(signal?: AbortSignal): Promise<JobStats> {
  return getJson("/api/jobs/stats", jobStatsSchema, signal);
}

const historyAnswerSchema = jobStatsSchema.extend({ history: jobHistoryStatsSchema });

/** The history at a glance: the jobs of the last `days` days, days counted in `timeZone`. */
export async function fetchJobHistoryStats(days: number, timeZone: string, signal?: AbortSignal): Promise<JobHistoryStats> {
  return (await getJson(apiUrl("/api/jobs/stats", { days, tz: timeZone }), historyAnswerSchema, signal)).history;
}

/** The job's slowest tags, each from its submission to its end. */
export function fetchJobTimeline(id: string, limit: number, signal?: AbortSignal): Promise<JobTimeline> {
  return getJson(apiUrl(`${jobApiUrl(id)}/timeline`, { limit }), jobTimelineSchema, signal);
}

export async function retryJob(id: string): Promise<JobDetail> {
  return (await sendJson("POST", `${jobApiUrl(id)}/retry`, {}, jobAnswerSchema)).job;
}

export async function overwriteKeptTags(id: string): Promise<JobDetail> {
  return (await sendJson("POST", `${jobApiUrl(id)}/overwrite-kept`, {}, jobAnswerSchema)).job;
}

export async function cancelJob(id: string): Promise<JobDetail> {
  return (await sendJson("POST", `${jobApiUrl(id)}/cancel`, {}, jobAnswerSchema)).job;
}

/** What a sync request would do with each tag in each target (new, identical, overwrite, keep), before anything is started. */
export async function planJob(request: SyncRequest): Promise<JobPlan["plan"]> {
  return (await sendJson("POST", "/api/jobs/plan", request, jobPlanSchema)).plan;
}

/** The job's earlier attempts, the latest first. */
export function fetchJobAttempts(id: string, signal?: AbortSignal): Promise<JobAttempts> {
  return getJson(`${jobApiUrl(id)}/attempts`, jobAttemptsSchema, signal);
}

/**
 * A new job with this job's settings. The key is the job and a 10-minute window: a double click or a second tab
 * within it answers the same new job.
 */
export async function syncJobAgain(id: string, now = Date.now()): Promise<JobDetail> {
  const key = `again-${id}-${Math.floor(now / 600_000)}`;
  return (await sendJson("POST", `${jobApiUrl(id)}/again`, {}, startAnswerSchema, { headers: { "Idempotency-Key": key } })).job;
}
