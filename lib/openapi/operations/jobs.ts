import {
  jobAnswerSchema,
  jobPageSchema,
  jobAttemptsSchema,
  jobPlanSchema,
  jobProgressSchema,
  jobStatsSchema,
  jobTimelineSchema,
  startAnswerSchema,
  taskPageSchema,
} from "@/lib/jobs/dto";
import {
  createJobSchema,
  emptyBodySchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  JOB_BODY_LIMIT,
  jobFiltersSchema,
  jobIdParamsSchema,
  jobListQuerySchema,
  jobQuerySchema,
  jobStatsQuerySchema,
  jobTimelineQuerySchema,
  taskCsvQuerySchema,
  taskListQuerySchema,
} from "@/lib/jobs/schemas";
import {
  CREATE_JOB_EXAMPLES,
  EMPTY_BODY_EXAMPLES,
  JOB_ANSWER_EXAMPLES,
  JOB_PLAN_EXAMPLES,
} from "../examples";
import { SWR_ERRORS, type Operation } from "../operation";

// The jobs API (docs/api.md "Jobs").

const HISTORY_NOTES = {
  namespace: "The source namespace.",
  targetNamespace: "The target namespace.",
  repository: "Part of the source repository's name, any case (`web` finds `apps/web`).",
  user: "Part of the creator's email, any case.",
  from: "Inclusive: an ISO date (2024-05-01, that whole day in `tz`) or date-time (2024-05-01T08:00:00Z).",
  to: "Exclusive when a date-time; a date alone includes that day (in `tz`).",
  tz: "The IANA time zone dates are days in, e.g. Asia/Shanghai (default UTC); the CSV writes its times in it.",
  failureCode: "Only jobs with a tag that failed with this error code (`swr_failed`, `no_progress`, an SWR code …).",
};

const createJobBody = {
  schema: createJobSchema,
  name: "CreateJobRequest",
  examples: CREATE_JOB_EXAMPLES,
  maxBytes: JOB_BODY_LIMIT,
};
const emptyBody = { schema: emptyBodySchema, name: "EmptyRequest", examples: EMPTY_BODY_EXAMPLES };
const jobAnswer = { schema: jobAnswerSchema, name: "JobAnswer", examples: JOB_ANSWER_EXAMPLES };

export const JOB_OPERATIONS: Operation[] = [
  {
    id: "listJobs",
    method: "get",
    path: "/api/jobs",
    summary: "List sync jobs",
    description:
      "The sync history, newest first, filtered and paged by cursor: pass `nextCursor` back unchanged with the same filters.",
    tag: "Jobs",
    access: "viewer",
    query: jobListQuerySchema,
    notes: {
      ...HISTORY_NOTES,
      cursor: "`nextCursor` of the previous page; a cursor this API did not hand out answers 400.",
    },
    responses: [
      { status: 200, description: "One page of jobs.", json: { schema: jobPageSchema, name: "JobPage" } },
    ],
  },
  {
    id: "startJob",
    method: "post",
    path: "/api/jobs",
    summary: "Start a sync job",
    description:
      "Two forms: one repository to one target (`sourceRegion`, `sourceNamespace`, `sourceRepository`, `targetRegion`, `targetNamespace`), or several repositories of one namespace to up to 10 targets (`source`, `repositories`, `targets`). Each repository sends either `tags` or `tagSelector`. The server plans the job from SWR (the source repositories and tags exist, each target namespace exists and is writable, and one walk of each target repository tells each tag new, identical, overwrite or keep), then writes the job with one task per tag and target: identical tags end `skipped_identical` and, with override off, differing ones end `kept`, without an SWR call; the sync engine does the rest. With an `Idempotency-Key`, a repeated request answers the earlier job.",
    tag: "Jobs",
    access: "operator",
    body: createJobBody,
    headers: {
      [IDEMPOTENCY_KEY_HEADER]: {
        schema: idempotencyKeySchema,
        description:
          "8–128 printable ASCII characters, per user: the same key with the same body answers the earlier job (200); with another body, 422.",
      },
    },
    responses: [
      {
        status: 201,
        description: "The job was created.",
        json: { schema: startAnswerSchema, name: "StartJobAnswer", examples: JOB_ANSWER_EXAMPLES },
      },
      {
        status: 200,
        description:
          "The job of a repeated Idempotency-Key, or (`existing: true`) the same request's job still running.",
        json: { schema: startAnswerSchema, name: "StartJobAnswer" },
      },
    ],
    errors: [422, ...SWR_ERRORS],
  },
  {
    id: "planJob",
    method: "post",
    path: "/api/jobs/plan",
    summary: "Preview the plan of a sync request",
    description:
      "What a sync request would do, before anything is written: tasks in all, per class (new, identical, overwrite, keep), per repository and target, and the first tasks of each class by name.",
    tag: "Jobs",
    access: "operator",
    body: createJobBody,
    responses: [
      {
        status: 200,
        description: "What the request would sync.",
        json: { schema: jobPlanSchema, name: "JobPlan", examples: JOB_PLAN_EXAMPLES },
      },
    ],
    errors: [422, ...SWR_ERRORS],
  },
  {
    id: "getJobStats",
    method: "get",
    path: "/api/jobs/stats",
    summary: "Count jobs by status, and the history at a glance",
    description:
      "Counts by status, the unsettled jobs and the latest jobs, for the overview. With `days`, also `history` for the jobs started in the last `days` days of `tz` (today included): jobs per day by outcome, the success rate, the median and 95th-percentile job duration (creation to finish, nearest rank), tags synced per target region and the five most frequent error codes of failed tags — each from grouped queries.",
    tag: "Jobs",
    access: "viewer",
    query: jobStatsQuerySchema,
    notes: {
      days: "1–90: include `history` for that many local days, today included.",
      tz: "The IANA time zone whose days `history` counts in, e.g. Asia/Shanghai (default UTC).",
    },
    responses: [
      {
        status: 200,
        description: "Counts and short lists.",
        json: { schema: jobStatsSchema, name: "JobStats" },
      },
    ],
  },
  {
    id: "exportJobsCsv",
    method: "get",
    path: "/api/jobs/export.csv",
    summary: "Export the job history as CSV",
    description:
      "Every job matching the history filters, as a CSV download (RFC 4180, CRLF line ends). Filter errors answer JSON before any CSV is sent.",
    tag: "Jobs",
    access: "viewer",
    query: jobFiltersSchema,
    notes: HISTORY_NOTES,
    responses: [
      {
        status: 200,
        description: "The matching jobs.",
        other: { mediaType: "text/csv", description: "One row per job, with a header row." },
      },
    ],
  },
  {
    id: "getJob",
    method: "get",
    path: "/api/jobs/{id}",
    summary: "Get a sync job",
    description: "One job with its counts; with `since`, also the tasks that changed after that version.",
    tag: "Jobs",
    access: "viewer",
    params: jobIdParamsSchema,
    query: jobQuerySchema,
    notes: {
      id: "The job's ID.",
      since: "The `version` of an earlier answer.",
      from: "With `since`: only changes of tags from this one (inclusive).",
      to: "With `since`: only changes of tags up to this one (inclusive).",
    },
    responses: [{ status: 200, description: "The job.", json: jobAnswer }],
    errors: [404],
  },
  {
    id: "listJobTasks",
    method: "get",
    path: "/api/jobs/{id}/tasks",
    summary: "List the tags of a sync job",
    description:
      "One page of the job's tasks (one per tag and target), by tag name, then repository and target, filtered by state, a part of the tag, the repository and the target.",
    tag: "Jobs",
    access: "viewer",
    params: jobIdParamsSchema,
    query: taskListQuerySchema,
    notes: {
      id: "The job's ID.",
      q: "A part of the tag name.",
      repository: "Only the tasks of this source repository.",
      target: "Only the tasks for this target, as `region/namespace` (e.g. `cn-east-3/team-a`).",
    },
    responses: [
      { status: 200, description: "One page of tasks.", json: { schema: taskPageSchema, name: "TaskPage" } },
    ],
    errors: [404],
  },
  {
    id: "exportJobTasksCsv",
    method: "get",
    path: "/api/jobs/{id}/export.csv",
    summary: "Export the tags of a sync job as CSV",
    description:
      "Every task of the job matching the tasks list's filters, in its order, as a CSV download (RFC 4180, CRLF line ends): repository, target, tag, status, plan, attempts, digests, submission and finish times in `tz` with their offset, and a failed tag's error code and sentence in `lang`. An unknown job or a filter error answers JSON before any CSV is sent.",
    tag: "Jobs",
    access: "viewer",
    params: jobIdParamsSchema,
    query: taskCsvQuerySchema,
    notes: {
      id: "The job's ID.",
      q: "A part of the tag name.",
      repository: "Only the tasks of this source repository.",
      target: "Only the tasks for this target, as `region/namespace` (e.g. `cn-east-3/team-a`).",
      tz: "The IANA time zone of the times, e.g. Asia/Shanghai (default UTC).",
      lang: "The language of the error sentences: `en` (default) or `zh-CN`.",
    },
    responses: [
      {
        status: 200,
        description: "The matching tasks.",
        other: { mediaType: "text/csv", description: "One row per task, with a header row." },
      },
    ],
    errors: [404],
  },
  {
    id: "getJobProgress",
    method: "get",
    path: "/api/jobs/{id}/progress",
    summary: "Progress of a sync job per repository and target",
    description: "The job's task counts for each repository and target it spans, from one grouped count.",
    tag: "Jobs",
    access: "viewer",
    params: jobIdParamsSchema,
    notes: { id: "The job's ID." },
    responses: [
      { status: 200, description: "Counts per repository and target.", json: { schema: jobProgressSchema, name: "JobProgress" } },
    ],
    errors: [404],
  },
  {
    id: "syncJobAgain",
    method: "post",
    path: "/api/jobs/{id}/again",
    summary: "Sync again with a job's settings",
    description:
      "Starts a new job with the earlier job's source, repositories, targets, override and tag choice: a list of tags is the same list, a selector (all tags, a pattern) is evaluated against the source now. Planned and checked like POST /api/jobs, with the same Idempotency-Key rules.",
    tag: "Jobs",
    access: "operator",
    params: jobIdParamsSchema,
    body: emptyBody,
    headers: {
      [IDEMPOTENCY_KEY_HEADER]: { schema: idempotencyKeySchema, description: "As for POST /api/jobs." },
    },
    notes: { id: "The earlier job's ID." },
    responses: [
      { status: 201, description: "The new job.", json: { schema: startAnswerSchema, name: "StartJobAnswer", examples: JOB_ANSWER_EXAMPLES } },
      { status: 200, description: "The job of a repeated Idempotency-Key, or the same request's job still running.", json: { schema: startAnswerSchema, name: "StartJobAnswer" } },
    ],
    errors: [404, 422, ...SWR_ERRORS],
  },
  {
    id: "getJobTimeline",
    method: "get",
    path: "/api/jobs/{id}/timeline",
    summary: "The slowest tags of a sync job",
    description:
      "The job's tags that took longest from their submission to SWR to their end (the slowest first), with both times, and how many tags have both: what the job page draws as a timeline from the job's start.",
    tag: "Jobs",
    access: "viewer",
    params: jobIdParamsSchema,
    query: jobTimelineQuerySchema,
    notes: { id: "The job's ID.", limit: "How many tags to list (1–100, default 20)." },
    responses: [{ status: 200, description: "The slowest tags.", json: { schema: jobTimelineSchema, name: "JobTimeline" } }],
    errors: [404],
  },
  {
    id: "listJobAttempts",
    method: "get",
    path: "/api/jobs/{id}/attempts",
    summary: "Earlier attempts of a sync job",
    description:
      "Each attempt that a retry or an overwrite of kept tags ended, the latest first: its counts as it ended, and its failures by error code with the first tags each hit.",
    tag: "Jobs",
    access: "viewer",
    params: jobIdParamsSchema,
    notes: { id: "The job's ID." },
    responses: [{ status: 200, description: "The earlier attempts.", json: { schema: jobAttemptsSchema, name: "JobAttempts" } }],
    errors: [404],
  },
  {
    id: "cancelJob",
    method: "post",
    path: "/api/jobs/{id}/cancel",
    summary: "Cancel a sync job",
    description:
      "Tags not yet sent to SWR end cancelled at once; tags SWR already has finish as SWR reports them. Idempotent. Operators may cancel any job, viewers only their own.",
    tag: "Jobs",
    access: "viewer",
    params: jobIdParamsSchema,
    body: emptyBody,
    notes: { id: "The job's ID." },
    responses: [{ status: 200, description: "The job after the cancel.", json: jobAnswer }],
    errors: [404, 409],
  },
  {
    id: "retryJob",
    method: "post",
    path: "/api/jobs/{id}/retry",
    summary: "Retry the failed tags of a sync job",
    description: "Re-queues the failed and cancelled tags of a settled job as a new attempt.",
    tag: "Jobs",
    access: "operator",
    params: jobIdParamsSchema,
    body: emptyBody,
    notes: { id: "The job's ID." },
    responses: [{ status: 200, description: "The job with its new attempt.", json: jobAnswer }],
    errors: [404, 409],
  },
  {
    id: "overwriteKeptTags",
    method: "post",
    path: "/api/jobs/{id}/overwrite-kept",
    summary: "Overwrite the kept tags of a sync job",
    description:
      "Re-queues the kept tags of a settled job (tags the target holds with another image, left in place because `override` was off) as a new attempt, and turns the job's `override` on so they replace the target's images. The job's other tags are not touched. 409 while tags are in flight, when no tag was kept, or when another request just did the same.",
    tag: "Jobs",
    access: "operator",
    params: jobIdParamsSchema,
    body: emptyBody,
    notes: { id: "The job's ID." },
    responses: [{ status: 200, description: "The job with its new attempt.", json: jobAnswer }],
    errors: [404, 409],
  },
];
