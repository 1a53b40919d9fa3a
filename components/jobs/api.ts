import { apiUrl, getJson, sendJson } from "@/lib/query/api-client";
import type {
  JobAttempts,
  JobAnswer,
  JobDetail,
  JobPage,
  JobPlan,
  JobProgress,
  JobStats,
  JobHistoryStats,
  JobTimeline,
  TaskDto,
  TaskPage,
  StartAnswer,
} from "@/lib/jobs/dto";
import type { TaskState } from "@/lib/jobs/states";
import type { SyncRequest } from "@/components/sync-panel/sync-request";
import type { JobFilters } from "./filters";

// The Jobs API as the browser calls it (docs/api.md "Jobs"); answers are typed by the server's own DTOs.

export const JOB_PAGE_SIZE = 25;
export const TASK_PAGE_SIZE = 100;

export const jobApiUrl = (id: string) => `/api/jobs/${encodeURIComponent(id)}`;

export async function fetchJob(id: string, signal?: AbortSignal): Promise<JobDetail> {
  return (await getJson<JobAnswer>(jobApiUrl(id), signal)).job;
}

/** The job and the tasks (between the tags `from` and `to`, when given) that changed after `since`, a version an earlier answer carried. */
export function fetchJobChanges(
  id: string,
  since: string,
  signal?: AbortSignal,
  window: { from?: string; to?: string } = {},
): Promise<JobAnswer> {
  return getJson<JobAnswer>(apiUrl(jobApiUrl(id), { since, ...window }), signal);
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
  return getJson<TaskPage>(apiUrl(`${jobApiUrl(id)}/tasks`, { ...query, limit: TASK_PAGE_SIZE }), signal);
}

/** How many of the job's tasks are in `status`: a one-row page is enough to read `total`. */
export async function fetchTaskCount(id: string, status: TaskState, signal?: AbortSignal): Promise<number> {
  const url = apiUrl(`${jobApiUrl(id)}/tasks`, { status, offset: 0, limit: 1 });
  return (await getJson<TaskPage>(url, signal)).total;
}

export type TaskName = Pick<TaskDto, "repository" | "tag" | "targetRegion" | "targetNamespace">;

/** The first `limit` of the job's tasks in `status` (by tag), named by repository, tag and target, and how many there are in all. */
export async function fetchTaskNames(id: string, status: TaskState, limit: number, signal?: AbortSignal): Promise<{ tasks: TaskName[]; total: number }> {
  const page = await getJson<TaskPage>(apiUrl(`${jobApiUrl(id)}/tasks`, { status, offset: 0, limit }), signal);
  return {
    tasks: page.items.map(({ repository, tag, targetRegion, targetNamespace }) => ({ repository, tag, targetRegion, targetNamespace })),
    total: page.total,
  };
}

/** Task counts per repository and target of the job. */
export function fetchJobProgress(id: string, signal?: AbortSignal): Promise<JobProgress> {
  return getJson<JobProgress>(`${jobApiUrl(id)}/progress`, signal);
}

/** One page of the history; days in the filters are days in `timeZone`, the zone the page shows times in. */
export function fetchJobPage(filters: JobFilters, timeZone: string, cursor: string | null, signal?: AbortSignal): Promise<JobPage> {
  return getJson<JobPage>(apiUrl("/api/jobs", { ...filters, tz: timeZone, cursor, limit: JOB_PAGE_SIZE }), signal);
}

export function fetchJobStats(signal?: AbortSignal): Promise<JobStats> {
  return getJson<JobStats>("/api/jobs/stats", signal);
}

/** The history at a glance: the jobs of the last `days` days, days counted in `timeZone`. */
export async function fetchJobHistoryStats(days: number, timeZone: string, signal?: AbortSignal): Promise<JobHistoryStats> {
  return (await getJson<JobStats & { history: JobHistoryStats }>(apiUrl("/api/jobs/stats", { days, tz: timeZone }), signal)).history;
}

/** The job's slowest tags, each from its submission to its end. */
export function fetchJobTimeline(id: string, limit: number, signal?: AbortSignal): Promise<JobTimeline> {
  return getJson<JobTimeline>(apiUrl(`${jobApiUrl(id)}/timeline`, { limit }), signal);
}

export async function retryJob(id: string): Promise<JobDetail> {
  return (await sendJson<JobAnswer>("POST", `${jobApiUrl(id)}/retry`, {})).job;
}

export async function overwriteKeptTags(id: string): Promise<JobDetail> {
  return (await sendJson<JobAnswer>("POST", `${jobApiUrl(id)}/overwrite-kept`, {})).job;
}

export async function cancelJob(id: string): Promise<JobDetail> {
  return (await sendJson<JobAnswer>("POST", `${jobApiUrl(id)}/cancel`, {})).job;
}

/** What a sync request would do with each tag in each target (new, identical, overwrite, keep), before anything is started. */
export async function planJob(request: SyncRequest): Promise<JobPlan["plan"]> {
  return (await sendJson<JobPlan>("POST", "/api/jobs/plan", request)).plan;
}

/** The job's earlier attempts, the latest first. */
export function fetchJobAttempts(id: string, signal?: AbortSignal): Promise<JobAttempts> {
  return getJson<JobAttempts>(`${jobApiUrl(id)}/attempts`, signal);
}

/**
 * A new job with this job's settings. The key is the job and a 10-minute window: a double click or a second tab
 * within it answers the same new job.
 */
export async function syncJobAgain(id: string, now = Date.now()): Promise<JobDetail> {
  const key = `again-${id}-${Math.floor(now / 600_000)}`;
  return (await sendJson<StartAnswer>("POST", `${jobApiUrl(id)}/again`, {}, { headers: { "Idempotency-Key": key } })).job;
}
