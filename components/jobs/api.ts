import { z } from "zod";
import { apiUrl, getJson, sendJson } from "@/lib/query/api-client";
import { JOB_STATUSES, TASK_STATES } from "@/lib/sync/states";
import type { JobFilters } from "./filters";

// The Jobs API as the browser sees it (docs/api.md "Jobs"); answers are parsed here, never trusted as typed.

const isoTime = z.string().min(1);
const count = z.number().int().nonnegative();

export const jobSummarySchema = z.object({
  id: z.string().min(1),
  status: z.enum(JOB_STATUSES),
  sourceRegion: z.string(),
  sourceNamespace: z.string(),
  sourceRepository: z.string(),
  targetRegion: z.string(),
  targetNamespace: z.string(),
  override: z.boolean(),
  createdBy: z.object({ email: z.string() }),
  createdAt: isoTime,
  updatedAt: isoTime,
  finishedAt: isoTime.nullable(),
  attempt: z.number().int(),
  counts: z.object({
    total: count,
    queued: count,
    active: count,
    succeeded: count,
    failed: count,
  }),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const taskSchema = z.object({
  tag: z.string(),
  status: z.enum(TASK_STATES),
  sourceDigest: z.string().nullable(),
  targetDigest: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  submittedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
});
export type JobTask = z.infer<typeof taskSchema>;

export const jobDetailSchema = jobSummarySchema.extend({ tasks: z.array(taskSchema), live: z.boolean() });
export type JobDetail = z.infer<typeof jobDetailSchema>;

const jobAnswerSchema = z.object({ job: jobDetailSchema });
const jobPageSchema = z.object({ items: z.array(jobSummarySchema), nextCursor: z.string().nullable() });
export type JobPage = z.infer<typeof jobPageSchema>;

export const jobStatsSchema = z.object({
  counts: z.object({
    queued: count,
    running: count,
    succeeded: count,
    partially_failed: count,
    failed: count,
  }),
  running: z.array(jobSummarySchema),
  recent: z.array(jobSummarySchema),
});
export type JobStats = z.infer<typeof jobStatsSchema>;

export const JOB_PAGE_SIZE = 25;

export const jobApiUrl = (id: string) => `/api/jobs/${encodeURIComponent(id)}`;

export async function fetchJob(id: string, signal?: AbortSignal): Promise<JobDetail> {
  return (await getJson(jobApiUrl(id), jobAnswerSchema, signal)).job;
}

export function fetchJobPage(
  filters: JobFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<JobPage> {
  return getJson(apiUrl("/api/jobs", { ...filters, cursor, limit: JOB_PAGE_SIZE }), jobPageSchema, signal);
}

export function fetchJobStats(signal?: AbortSignal): Promise<JobStats> {
  return getJson("/api/jobs/stats", jobStatsSchema, signal);
}

export async function retryJob(id: string): Promise<JobDetail> {
  return (await sendJson("POST", `${jobApiUrl(id)}/retry`, {}, jobAnswerSchema)).job;
}
