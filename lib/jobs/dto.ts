import { z } from "zod";
import { JOB_STATUSES, TASK_STATES } from "./states";

// What the jobs API sends (docs/api.md "Jobs"): ONE set of schemas, used by the route handlers to
// build answers and by the browser to parse them. Trimmed shapes, ISO timestamps, never raw rows.

const isoTime = z.string().min(1);
const count = z.number().int().nonnegative();

export const jobCountsSchema = z.object({
  total: count,
  queued: count,
  /** retrying + submitted: with SWR or about to be. */
  active: count,
  succeeded: count,
  failed: count,
  cancelled: count,
});
export type JobCounts = z.infer<typeof jobCountsSchema>;

/** How the job's tags were chosen: a list (null), every tag, or a glob pattern evaluated at creation. */
export const tagSelectionSchema = z.union([z.object({ all: z.literal(true) }), z.object({ pattern: z.string() })]).nullable();
export type TagSelection = z.infer<typeof tagSelectionSchema>;

export const jobSummarySchema = z.object({
  id: z.string().min(1),
  status: z.enum(JOB_STATUSES),
  sourceRegion: z.string(),
  sourceNamespace: z.string(),
  sourceRepository: z.string(),
  targetRegion: z.string(),
  targetNamespace: z.string(),
  override: z.boolean(),
  tagSelection: tagSelectionSchema,
  createdBy: z.object({ email: z.string() }),
  createdAt: isoTime,
  updatedAt: isoTime,
  finishedAt: isoTime.nullable(),
  attempt: z.number().int(),
  counts: jobCountsSchema,
  /** Set once someone cancelled the job. */
  cancel: z.object({ at: isoTime, by: z.object({ email: z.string() }) }).nullable(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const taskSchema = z.object({
  tag: z.string(),
  status: z.enum(TASK_STATES),
  sourceDigest: z.string().nullable(),
  targetDigest: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  updatedAt: isoTime,
  submittedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
});
export type TaskDto = z.infer<typeof taskSchema>;

export const jobDetailSchema = jobSummarySchema.extend({
  /** False once the job has settled: the page may stop polling. */
  live: z.boolean(),
  /** Pass back as `?since=` to receive only the tasks that changed after this answer. */
  version: z.string(),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

/** GET /api/jobs/{id}[?since=] */
export const jobAnswerSchema = z.object({
  job: jobDetailSchema,
  /** With `since`: the tasks changed after that version; `complete` false when too many changed to list (reload the page of tasks). */
  changes: z.object({ tasks: z.array(taskSchema), complete: z.boolean() }).optional(),
});
export type JobAnswer = z.infer<typeof jobAnswerSchema>;

/** GET /api/jobs/{id}/tasks — one page of a job's tasks, by tag. */
export const taskPageSchema = z.object({ items: z.array(taskSchema), total: count, offset: count, limit: count });
export type TaskPage = z.infer<typeof taskPageSchema>;

export const jobPageSchema = z.object({ items: z.array(jobSummarySchema), nextCursor: z.string().nullable() });
export type JobPage = z.infer<typeof jobPageSchema>;

export const jobStatsSchema = z.object({
  counts: z.object(Object.fromEntries(JOB_STATUSES.map((s) => [s, count])) as Record<(typeof JOB_STATUSES)[number], typeof count>),
  /** Jobs not settled yet, newest first. */
  running: z.array(jobSummarySchema),
  recent: z.array(jobSummarySchema),
});
export type JobStats = z.infer<typeof jobStatsSchema>;

/** POST /api/jobs: `existing` when a request without Idempotency-Key found the same request's job still running. */
export const startAnswerSchema = z.object({ job: jobDetailSchema, existing: z.literal(true).optional() });
export type StartAnswer = z.infer<typeof startAnswerSchema>;

/** POST /api/jobs/plan — the tags a request would sync, shown before the user confirms. */
export const jobPlanSchema = z.object({
  plan: z.object({
    count,
    /** The first tags by name; `count` says how many there are in all. */
    tags: z.array(z.string()),
    truncated: z.boolean(),
  }),
});
export type JobPlan = z.infer<typeof jobPlanSchema>;
