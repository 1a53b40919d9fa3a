import { z } from "zod";
import { auditPageSchema } from "@/lib/db/audit-dto";
import {
  existingTagsDtoSchema,
  namespaceCheckDtoSchema,
  namespacesDtoSchema,
  regionsDtoSchema,
  repositoryDetailDtoSchema,
  repositoryPageDtoSchema,
  tagNamesDtoSchema,
  tagPageDtoSchema,
} from "@/lib/browse/dto";
import {
  jobAnswerSchema,
  jobPageSchema,
  jobPlanSchema,
  jobStatsSchema,
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
  taskListQuerySchema,
} from "@/lib/jobs/schemas";
import { revokeSessionsAnswerSchema, userAnswerSchema, usersAnswerSchema } from "@/lib/users/dto";
import { updateUserSchema, userIdParamsSchema } from "@/lib/users/schemas";
import { auditQuerySchema } from "@/lib/validation/audit";
import {
  allTagsQuerySchema,
  existingTagsQuerySchema,
  namespaceCheckQuerySchema,
  namespacesQuerySchema,
  regionsQuerySchema,
  repositoriesQuerySchema,
  repositoryRefSchema,
  tagsQuerySchema,
} from "@/lib/validation/browse";
import {
  CREATE_JOB_EXAMPLES,
  EMPTY_BODY_EXAMPLES,
  JOB_ANSWER_EXAMPLES,
  JOB_PLAN_EXAMPLES,
  UPDATE_USER_EXAMPLES,
} from "./examples";
import type { Operation } from "./operation";

// Every operation of the API, once: a route handler without an entry here fails lib/openapi/routes.test.ts.
// Schemas are the ones the route passes to route() and the DTOs it answers with, so the document cannot drift from them.

/** Answers of the routes that ask SWR (browse, and job requests checked against SWR). */
const SWR_ERRORS = [429, 502, 504];

const HISTORY_NOTES = {
  namespace: "The source namespace.",
  repository: "The source repository.",
  user: "The creator's email, any case.",
  from: "Inclusive: an ISO date (2024-05-01, that whole day UTC) or date-time (2024-05-01T08:00:00Z).",
  to: "Exclusive when a date-time; a date alone includes that day (UTC).",
};

const createJobBody = {
  schema: createJobSchema,
  name: "CreateJobRequest",
  examples: CREATE_JOB_EXAMPLES,
  maxBytes: JOB_BODY_LIMIT,
};
const emptyBody = { schema: emptyBodySchema, name: "EmptyRequest", examples: EMPTY_BODY_EXAMPLES };
const jobAnswer = { schema: jobAnswerSchema, name: "JobAnswer", examples: JOB_ANSWER_EXAMPLES };

export const OPERATIONS: Operation[] = [
  // Jobs
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
      "Checks the request against SWR (the source repository and its tags exist, the target namespace exists and is writable), then writes the job and one queued task per tag; the sync engine does the rest. Send either `tags` or `tagSelector`. With an `Idempotency-Key`, a repeated request answers the earlier job.",
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
    summary: "Preview the tags of a sync request",
    description:
      "The tags a sync request would take (their count and the first 200 by name), before anything is written.",
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
    summary: "Count jobs by status",
    description: "Counts by status, the unsettled jobs and the latest jobs, for the overview.",
    tag: "Jobs",
    access: "viewer",
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
      "One page of the job's tasks (one per tag), by tag name, filtered by state and a part of the tag.",
    tag: "Jobs",
    access: "viewer",
    params: jobIdParamsSchema,
    query: taskListQuerySchema,
    notes: { id: "The job's ID.", q: "A part of the tag name." },
    responses: [
      { status: 200, description: "One page of tasks.", json: { schema: taskPageSchema, name: "TaskPage" } },
    ],
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

  // Browse
  {
    id: "listRegions",
    method: "get",
    path: "/api/regions",
    summary: "List regions",
    description:
      "Every region of the app's table, or the sync targets of `source` (the source itself excluded).",
    tag: "Browse",
    access: "viewer",
    query: regionsQuerySchema,
    responses: [
      { status: 200, description: "The regions.", json: { schema: regionsDtoSchema, name: "Regions" } },
    ],
    errors: SWR_ERRORS,
  },
  {
    id: "listNamespaces",
    method: "get",
    path: "/api/namespaces",
    summary: "List the namespaces of a region",
    tag: "Browse",
    access: "viewer",
    query: namespacesQuerySchema,
    responses: [
      {
        status: 200,
        description: "The namespaces, by name; `auth` 7 manage, 3 write, 1 read.",
        json: { schema: namespacesDtoSchema, name: "Namespaces" },
      },
    ],
    errors: SWR_ERRORS,
  },
  {
    id: "checkNamespace",
    method: "get",
    path: "/api/namespaces/check",
    summary: "Check that a namespace exists",
    description:
      "Whether a namespace exists in a region (a sync target must); a missing one is `exists: false` with a sentence, not 404.",
    tag: "Browse",
    access: "viewer",
    query: namespaceCheckQuerySchema,
    responses: [
      {
        status: 200,
        description: "Whether it exists.",
        json: { schema: namespaceCheckDtoSchema, name: "NamespaceCheck" },
      },
    ],
    errors: SWR_ERRORS,
  },
  {
    id: "listRepositories",
    method: "get",
    path: "/api/repositories",
    summary: "List repositories",
    description:
      "One page of a region's repositories, optionally of one namespace and matching a part of the name.",
    tag: "Browse",
    access: "viewer",
    query: repositoriesQuerySchema,
    notes: { q: "A part of the repository name." },
    responses: [
      {
        status: 200,
        description: "One page of repositories.",
        json: { schema: repositoryPageDtoSchema, name: "RepositoryPage" },
      },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "getRepository",
    method: "get",
    path: "/api/repositories/detail",
    summary: "Get a repository",
    tag: "Browse",
    access: "viewer",
    query: repositoryRefSchema,
    responses: [
      {
        status: 200,
        description: "The repository's summary.",
        json: { schema: repositoryDetailDtoSchema, name: "RepositoryDetail" },
      },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "listTags",
    method: "get",
    path: "/api/tags",
    summary: "List the tags of a repository",
    tag: "Browse",
    access: "viewer",
    query: tagsQuerySchema,
    notes: { q: "A part of the tag name." },
    responses: [
      { status: 200, description: "One page of tags.", json: { schema: tagPageDtoSchema, name: "TagPage" } },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "listAllTagNames",
    method: "get",
    path: "/api/tags/all",
    summary: "List every matching tag name",
    description:
      "Every tag name matching `q` (for select-all-matching), at most 10,000; `truncated` when more match.",
    tag: "Browse",
    access: "viewer",
    query: allTagsQuerySchema,
    notes: { q: "A part of the tag name." },
    responses: [
      { status: 200, description: "The tag names.", json: { schema: tagNamesDtoSchema, name: "TagNames" } },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "findExistingTags",
    method: "get",
    path: "/api/tags/existing",
    summary: "Find which tags exist in a repository",
    description:
      "Which of the given tags already exist in a (target) repository, in the order asked; a repository that does not exist holds none.",
    tag: "Browse",
    access: "viewer",
    query: existingTagsQuerySchema,
    notes: { tag: "Repeat the parameter for each tag (`tag=a&tag=b`), 1–200 per request." },
    responses: [
      {
        status: 200,
        description: "The tags that exist, with their digests.",
        json: { schema: existingTagsDtoSchema, name: "ExistingTags" },
      },
    ],
    errors: SWR_ERRORS,
  },

  // Users
  {
    id: "listUsers",
    method: "get",
    path: "/api/users",
    summary: "List users",
    tag: "Users",
    access: "admin",
    responses: [
      {
        status: 200,
        description: "Every account, by email.",
        json: { schema: usersAnswerSchema, name: "UsersAnswer" },
      },
    ],
  },
  {
    id: "updateUser",
    method: "patch",
    path: "/api/users/{id}",
    summary: "Change a user's role or status",
    description:
      "Change the role, or disable or enable the account; disabling ends its sessions. Admins cannot demote or disable themselves (409).",
    tag: "Users",
    access: "admin",
    params: userIdParamsSchema,
    body: { schema: updateUserSchema, name: "UpdateUserRequest", examples: UPDATE_USER_EXAMPLES },
    notes: { id: "The user's ID." },
    responses: [
      {
        status: 200,
        description: "The account as stored after the change.",
        json: { schema: userAnswerSchema, name: "UserAnswer" },
      },
    ],
    errors: [404, 409],
  },
  {
    id: "revokeUserSessions",
    method: "post",
    path: "/api/users/{id}/sessions/revoke",
    summary: "End every session of a user",
    description: "Every browser of the user is signed out at its next request.",
    tag: "Users",
    access: "admin",
    params: userIdParamsSchema,
    notes: { id: "The user's ID." },
    responses: [
      {
        status: 200,
        description: "How many live sessions were ended.",
        json: { schema: revokeSessionsAnswerSchema, name: "RevokeSessionsAnswer" },
      },
    ],
    errors: [404],
  },

  // Audit
  {
    id: "listAuditEvents",
    method: "get",
    path: "/api/audit",
    summary: "List audit events",
    description: "The audit log, newest first, paged by cursor.",
    tag: "Audit",
    access: "admin",
    query: auditQuerySchema,
    notes: { cursor: "`nextCursor` of the previous page; a cursor this API did not hand out answers 400." },
    responses: [
      {
        status: 200,
        description: "One page of events.",
        json: { schema: auditPageSchema, name: "AuditPage" },
      },
    ],
  },

  // Service
  {
    id: "getMetrics",
    method: "get",
    path: "/api/metrics",
    summary: "Scrape Prometheus metrics",
    description:
      "Prometheus text format. When the server sets `METRICS_TOKEN`, send it as `Authorization: Bearer <METRICS_TOKEN>`; else no credentials are needed.",
    tag: "Service",
    access: "metricsToken",
    responses: [
      {
        status: 200,
        description: "The metrics.",
        other: { mediaType: "text/plain", description: "Prometheus exposition format 0.0.4." },
      },
    ],
    errors: [401],
  },
  {
    id: "getOpenApiDocument",
    method: "get",
    path: "/api/openapi.json",
    summary: "Get this API document",
    description:
      "This OpenAPI 3.1 document. The same for every installation of this version: it holds no data of the server and needs no sign-in.",
    tag: "Service",
    access: "public",
    responses: [
      {
        status: 200,
        description: "The document.",
        json: { schema: z.record(z.string(), z.unknown()), name: "OpenApiDocument" },
      },
    ],
  },
];

/** Route folders under app/api that are not ours to document, with the reason. */
export const UNDOCUMENTED_ROUTES: Record<string, string> = {
  "/api/auth/[...nextauth]":
    "next-auth's own sign-in, CSRF, session and sign-out endpoints (HTML forms, their contract is next-auth's); scripts use a personal API token instead.",
};
