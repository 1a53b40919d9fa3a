import { z } from "zod";
import { messageParamsSchema } from "@/i18n/message-schema";
import { PLAN_CLASSES } from "@/lib/compare/classify";
import { HISTORY_OUTCOMES, type HistoryOutcome } from "./history";
import { JOB_STATUSES, TASK_STATES } from "./states";

// What the jobs API sends (docs/api.md "Jobs"): ONE set of schemas, used by the route handlers to
// build answers and by the browser as types (it imports no zod). Trimmed shapes, ISO timestamps, never raw rows.

const isoTime = z.string().min(1);
const count = z.number().int().nonnegative();
/** An error for a person: a code for filtering, the sentence in English, and its catalog key and parameters for other languages. */
const taskErrorSchema = z.object({ code: z.string(), message: z.string(), key: z.string().optional(), params: messageParamsSchema.optional() });

export const jobCountsSchema = z.object({
  total: count,
  queued: count,
  /** retrying + submitted: with SWR or about to be. */
  active: count,
  succeeded: count,
  failed: count,
  cancelled: count,
  /** Already identical in the target: nothing to do, no SWR call. */
  skipped: count,
  /** The target's different image left in place (override off). */
  kept: count,
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
  /** How many repositories and targets the job spans; `sourceRepository` and `targetRegion`/`targetNamespace` are the first ones. */
  repositoryCount: z.number().int().positive(),
  targetCount: z.number().int().positive(),
  /** Every target, in the order asked. */
  targets: z.array(z.object({ region: z.string(), namespace: z.string() })),
  override: z.boolean(),
  tagSelection: tagSelectionSchema,
  createdBy: z.object({ email: z.string() }),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** When a tag of the job last moved (sent, ended, or SWR's record of it changed), or the job was started or retried. */
  progressAt: isoTime,
  finishedAt: isoTime.nullable(),
  attempt: z.number().int(),
  counts: jobCountsSchema,
  /** Set once someone cancelled the job. */
  cancel: z.object({ at: isoTime, by: z.object({ email: z.string() }) }).nullable(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const taskSchema = z.object({
  repository: z.string(),
  targetRegion: z.string(),
  targetNamespace: z.string(),
  tag: z.string(),
  /** What the plan said when the job was made: new, identical, overwrite or keep. */
  planClass: z.enum(PLAN_CLASSES),
  status: z.enum(TASK_STATES),
  sourceDigest: z.string().nullable(),
  targetDigest: z.string().nullable(),
  attempts: z.number().int(),
  lastError: taskErrorSchema.nullable(),
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

/** The history at a glance: jobs started in the last `days` days of the reader's zone. */
export const jobHistoryStatsSchema = z.object({
  days: z.number().int().positive(),
  timeZone: z.string(),
  /** The window: the start of its first day and the start of the day after its last. */
  from: isoTime,
  to: isoTime,
  /** Every day of the window, oldest first, with its jobs by outcome (`unfinished`: queued, running or cancelling). */
  daily: z.array(z.object({ day: z.string() }).extend(Object.fromEntries(HISTORY_OUTCOMES.map((o) => [o, count])) as Record<HistoryOutcome, typeof count>)),
  /** Jobs that succeeded, of those that ran to their end (succeeded, partially failed or failed; cancelled ones aside). */
  success: z.object({ succeeded: count, ended: count }),
  /** From start to end of the jobs that finished (nearest-rank percentiles); null without any. */
  duration: z.object({ jobs: count, p50Ms: count.nullable(), p95Ms: count.nullable() }),
  /** Tags that reached each target region (succeeded), the most first. */
  tagsPerRegion: z.array(z.object({ region: z.string(), tags: count })),
  /** The most frequent codes of failed tags, with how many tags failed so and one of their messages. */
  /** Each code with one of its tags' errors as a sample (English `message`, the catalog `key` + `params` when kept). */
  failures: z.array(taskErrorSchema.extend({ tags: count })),
});
export type JobHistoryStats = z.infer<typeof jobHistoryStatsSchema>;

export const jobStatsSchema = z.object({
  counts: z.object(Object.fromEntries(JOB_STATUSES.map((s) => [s, count])) as Record<(typeof JOB_STATUSES)[number], typeof count>),
  /** Jobs not settled yet, newest first. */
  running: z.array(jobSummarySchema),
  recent: z.array(jobSummarySchema),
  /** With `days`: the history at a glance. */
  history: jobHistoryStatsSchema.optional(),
});
export type JobStats = z.infer<typeof jobStatsSchema>;

/** POST /api/jobs: `existing` when a request without Idempotency-Key found the same request's job still running. */
export const startAnswerSchema = z.object({ job: jobDetailSchema, existing: z.literal(true).optional() });
export type StartAnswer = z.infer<typeof startAnswerSchema>;

const planClassCounts = z.object(Object.fromEntries(PLAN_CLASSES.map((c) => [c, count])) as Record<(typeof PLAN_CLASSES)[number], typeof count>);
const plannedTaskRef = z.object({ repository: z.string(), tag: z.string(), targetRegion: z.string(), targetNamespace: z.string() });
export type PlannedTaskRef = z.infer<typeof plannedTaskRef>;

/** A request's plan: what each tag would do in each target. */
export const jobPlanDetailSchema = z.object({
  /** Tasks in all (tags × targets). */
  count,
  /** The first tag names; `truncated` when there are more. */
  tags: z.array(z.string()),
  truncated: z.boolean(),
  /** Tasks per class: new (not in the target), identical (no SWR call), overwrite (differs, override on), keep (differs, override off). */
  classes: planClassCounts,
  /** The first tasks of each class, by name. */
  samples: z.object(Object.fromEntries(PLAN_CLASSES.map((c) => [c, z.array(plannedTaskRef)])) as Record<(typeof PLAN_CLASSES)[number], z.ZodArray<typeof plannedTaskRef>>),
  /** Counts per repository and target. */
  groups: z.array(z.object({ repository: z.string(), targetRegion: z.string(), targetNamespace: z.string() }).extend(planClassCounts.shape)),
});
export type JobPlanDetail = z.infer<typeof jobPlanDetailSchema>;

/** POST /api/jobs/plan — what a request would do, shown before the user confirms. */
export const jobPlanSchema = z.object({ plan: jobPlanDetailSchema });
export type JobPlan = z.infer<typeof jobPlanSchema>;

/** GET /api/jobs/{id}/progress — task counts per repository and target of a job. */
export const jobProgressSchema = z.object({
  groups: z.array(
    z.object({
      repository: z.string(),
      targetRegion: z.string(),
      targetNamespace: z.string(),
      counts: jobCountsSchema,
    }),
  ),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

/** An earlier attempt of a job, as it ended when the next one began. */
export const jobAttemptSchema = z.object({
  attempt: z.number().int().positive(),
  override: z.boolean(),
  startedAt: isoTime,
  endedAt: isoTime,
  counts: jobCountsSchema,
  /** Failures by error code, the most frequent first, each with the first tags it hit. */
  errors: z.array(
    taskErrorSchema.extend({
      count,
      tags: z.array(z.object({ repository: z.string(), tag: z.string(), targetRegion: z.string(), targetNamespace: z.string() })),
    }),
  ),
  /** Who began the next attempt, and how. */
  endedBy: z.object({ email: z.string() }),
  endedHow: z.enum(["retry", "overwrite_kept"]),
});
export type AttemptDto = z.infer<typeof jobAttemptSchema>;

/** GET /api/jobs/{id}/timeline — the job's slowest tags, each from its submission to its end. */
export const jobTimelineSchema = z.object({
  /** When the job started: the timeline's zero. */
  startedAt: isoTime,
  /** Tasks with both times, of which the slowest are listed. */
  measured: count,
  tasks: z.array(
    z.object({
      repository: z.string(),
      tag: z.string(),
      targetRegion: z.string(),
      targetNamespace: z.string(),
      status: z.enum(TASK_STATES),
      submittedAt: isoTime,
      finishedAt: isoTime,
      durationMs: count,
    }),
  ),
});
export type JobTimeline = z.infer<typeof jobTimelineSchema>;

/** GET /api/jobs/{id}/attempts */
export const jobAttemptsSchema = z.object({ attempts: z.array(jobAttemptSchema) });
export type JobAttempts = z.infer<typeof jobAttemptsSchema>;
