import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES } from "@/i18n/config";
import { type Message, msg } from "@/i18n/message";
import { JOB_STATUSES, TASK_STATES } from "./states";
import { namespaceNameSchema, regionIdSchema, repositoryNameSchema, tagNameSchema } from "@/lib/swr/names";
import { syncRegionProblem } from "@/lib/swr/regions";
import { knownRegionSchema } from "@/lib/validation/browse";
import { DATE_RANGE_MESSAGE, isSupportedDate, MAX_DATE_MS, MIN_DATE_MS } from "@/lib/validation/dates";
import { customIssue, issueMessage } from "@/lib/validation/issue-messages";
import { timeZoneSchema } from "@/lib/validation/time-zone";
import { endOfDay, startOfDay, UTC } from "@/lib/time-zone";
import { MAX_HISTORY_DAYS } from "./history";
import { MAX_FAILURE_CODE_LENGTH, MAX_REPOSITORIES_PER_JOB, MAX_TAGS_PER_JOB, MAX_TARGETS_PER_JOB } from "./limits";
import { MAX_PATTERN_LENGTH, TAG_PATTERN_RE } from "./pattern";

// Inputs of the jobs API (docs/api.md "Jobs"); pure. The forms check with limits.ts and pattern.ts.
// Messages are catalog keys (messages/*/job-errors.json) with their parameters; see lib/validation/issue-messages.ts.

const MAX_TAG_LENGTH = 128;
/**
 * Body limit of POST /api/jobs and /plan: the largest tag list, each tag as `"…",` (length + 3 bytes),
 * plus 1 MiB for the other fields and pretty-printing: 50,000 × 131 + 1,048,576 = 7,598,576 bytes.
 */
export const JOB_BODY_LIMIT = MAX_TAGS_PER_JOB * (MAX_TAG_LENGTH + 3) + 1024 * 1024;
export const MAX_JOBS_PAGE_SIZE = 100;
export const DEFAULT_JOBS_PAGE_SIZE = 50;
/** How many offending names a message lists before it says "and N more". */
const LISTED_NAMES = 10;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** "a, b and 3 more": names in a message without letting 1,000 of them through. */
export function nameList(names: readonly string[], max = LISTED_NAMES): Message {
  return msg("jobErrors.nameList", { names: names.slice(0, max).join(", "), more: Math.max(0, names.length - max) });
}


function duplicatesOf(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const item of items) (seen.has(item) ? dupes : seen).add(item);
  return [...dupes];
}

// Length first, so 10,000 tags answer with one message instead of 10,000; names are then checked as a whole.
const tagsSchema = z
  .array(z.string())
  .min(1, { message: "jobErrors.pickTags", abort: true })
  .max(MAX_TAGS_PER_JOB, { message: "jobErrors.tooManyTags", abort: true })
  .superRefine((tags, ctx) => {
    const invalid = tags.filter((t) => !tagNameSchema.safeParse(t).success);
    if (invalid.length > 0) {
      // The rule's own wording, taken from the schema rather than repeated here.
      const rule = issueMessage(tagNameSchema.safeParse("").error!.issues[0]!);
      ctx.addIssue(customIssue(msg("jobErrors.invalidTags", { rule, names: nameList(invalid) })));
    }
    const dupes = duplicatesOf(tags);
    if (dupes.length > 0) ctx.addIssue(customIssue(msg("jobErrors.repeatedTags", { names: nameList(dupes) })));
  });

const patternSchema = z
  .string()
  .max(MAX_PATTERN_LENGTH, { abort: true })
  .trim()
  .min(1)
  .regex(TAG_PATTERN_RE, "jobErrors.patternCharacters");

const SELECTOR_SHAPE = "jobErrors.selectorShape";
export const tagSelectorSchema = z
  .strictObject({ all: z.literal(true, SELECTOR_SHAPE).optional(), pattern: patternSchema.optional() }, { error: SELECTOR_SHAPE })
  .refine((s) => (s.all === undefined) !== (s.pattern === undefined), SELECTOR_SHAPE)
  .transform((s): { all: true } | { pattern: string } => (s.pattern !== undefined ? { pattern: s.pattern } : { all: true }));
export type TagSelector = z.output<typeof tagSelectorSchema>;

const exactlyOneSelection = { path: ["tags"], message: "jobErrors.tagsOrSelector" };
const SOURCE_AS_TARGET = "jobErrors.targetIsSource";

const jobRequestFields = {
  sourceRegion: knownRegionSchema,
  sourceNamespace: namespaceNameSchema,
  sourceRepository: repositoryNameSchema,
  targetRegion: knownRegionSchema,
  targetNamespace: namespaceNameSchema,
  tags: tagsSchema.optional(),
  tagSelector: tagSelectorSchema.optional(),
  override: z.boolean(),
};

/** A target of a job: a region and a namespace there. */
export interface JobTarget {
  region: string;
  namespace: string;
}

/** One repository of a job and how its tags are chosen (exactly one of the two). */
export interface RepositoryRequest {
  name: string;
  tags?: string[];
  tagSelector?: TagSelector;
}

/**
 * Every sync request in one shape: one source namespace, its repositories, the targets, override. `single` says
 * the request came in the one-repository form, whose field names error messages then use.
 */
export interface JobRequest {
  source: { region: string; namespace: string };
  repositories: RepositoryRequest[];
  targets: JobTarget[];
  override: boolean;
  single: boolean;
}

/** One repository to one target: `sourceRegion`, `sourceNamespace`, `sourceRepository`, `targetRegion`, `targetNamespace`. */
export const singleJobSchema = z
  .object(jobRequestFields)
  .refine((job) => job.sourceRegion !== job.targetRegion, { path: ["targetRegion"], message: SOURCE_AS_TARGET })
  .superRefine((job, ctx) => {
    const problem = syncRegionProblem(job.sourceRegion, job.targetRegion);
    if (problem) ctx.addIssue(customIssue(problem.msg, [`${problem.end}Region`]));
  })
  .refine((job) => (job.tags === undefined) !== (job.tagSelector === undefined), exactlyOneSelection)
  .transform(
    (job): JobRequest => ({
      source: { region: job.sourceRegion, namespace: job.sourceNamespace },
      repositories: [{ name: job.sourceRepository, ...(job.tags ? { tags: job.tags } : {}), ...(job.tagSelector ? { tagSelector: job.tagSelector } : {}) }],
      targets: [{ region: job.targetRegion, namespace: job.targetNamespace }],
      override: job.override,
      single: true,
    }),
  );

const repositoryRequestSchema = z
  .object({ name: repositoryNameSchema, tags: tagsSchema.optional(), tagSelector: tagSelectorSchema.optional() })
  .refine((r) => (r.tags === undefined) !== (r.tagSelector === undefined), exactlyOneSelection);

const targetSchema = z.object({ region: knownRegionSchema, namespace: namespaceNameSchema });
const targetKey = (t: JobTarget) => `${t.region}/${t.namespace}`;

/** Many repositories of one namespace to one or more targets. */
export const multiJobSchema = z
  .object({
    source: z.object({ region: knownRegionSchema, namespace: namespaceNameSchema }),
    repositories: z
      .array(repositoryRequestSchema)
      .min(1, { message: "jobErrors.pickRepositories", abort: true })
      .max(MAX_REPOSITORIES_PER_JOB, { message: "jobErrors.tooManyRepositories", abort: true }),
    targets: z
      .array(targetSchema)
      .min(1, { message: "jobErrors.pickTargets", abort: true })
      .max(MAX_TARGETS_PER_JOB, { message: "jobErrors.tooManyTargets", abort: true }),
    override: z.boolean(),
  })
  .superRefine((job, ctx) => {
    for (const [i, t] of job.targets.entries()) {
      if (t.region === job.source.region) ctx.addIssue({ code: "custom", path: ["targets", i, "region"], message: SOURCE_AS_TARGET });
    }
    const twiceTargets = duplicatesOf(job.targets.map(targetKey));
    if (twiceTargets.length > 0) ctx.addIssue(customIssue(msg("jobErrors.repeatedTargets", { names: nameList(twiceTargets) }), ["targets"]));
    const twiceRepos = duplicatesOf(job.repositories.map((r) => r.name));
    if (twiceRepos.length > 0) ctx.addIssue(customIssue(msg("jobErrors.repeatedRepositories", { names: nameList(twiceRepos) }), ["repositories"]));
    const listed = job.repositories.reduce((n, r) => n + (r.tags?.length ?? 0), 0);
    if (listed > MAX_TAGS_PER_JOB) ctx.addIssue(customIssue(msg("jobErrors.tooManyTags", { maximum: MAX_TAGS_PER_JOB }), ["repositories"]));
    // SWR syncs only among its sync regions: a source outside them is one problem, else each such target is one.
    const fromSource = syncRegionProblem(job.source.region, job.source.region);
    if (fromSource) ctx.addIssue(customIssue(fromSource.msg, ["source", "region"]));
    else {
      for (const [i, t] of job.targets.entries()) {
        const problem = syncRegionProblem(job.source.region, t.region);
        if (problem) ctx.addIssue(customIssue(problem.msg, ["targets", i, "region"]));
      }
    }
  })
  .transform((job): JobRequest => ({ ...job, single: false }));

/**
 * POST /api/jobs and /plan: either form. A body with `source`, `repositories` or `targets` is the multi form;
 * its problems are reported for that form alone (not as a mismatch with the other).
 */
export const createJobSchema = z.union([multiJobSchema, singleJobSchema]);
export type CreateJobBody = z.input<typeof createJobSchema>;

export const isMultiJobBody = (v: unknown): boolean =>
  typeof v === "object" && v !== null && ("source" in v || "repositories" in v || "targets" in v);

export type CreateJobInput = JobRequest;

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

/** The optional `Idempotency-Key` header: 8–128 printable ASCII characters. */
export const idempotencyKeySchema = z
  .string()
  .max(128, { message: "jobErrors.idempotencyKeyShape", abort: true })
  .regex(/^[\x20-\x7e]{8,128}$/, "jobErrors.idempotencyKeyShape")
  .optional();

// A date alone means that whole day in the caller's time zone (`tz`, UTC when not given), so `to=2024-05-01`
// includes the 1st; a date-time is an instant.
type DateBound = { day: string } | { at: Date };
const dateBoundSchema = z.preprocess(
  emptyToUndefined,
  z
    .union(
      [z.string().max(64, { abort: true }).pipe(z.iso.date()), z.string().max(64, { abort: true }).pipe(z.iso.datetime({ offset: true }))],
      "jobErrors.dateBound",
    )
    .refine((v) => isSupportedDate(Date.parse(v.includes("T") ? v : `${v}T00:00:00Z`)), DATE_RANGE_MESSAGE)
    .transform((v): DateBound => (v.includes("T") ? { at: new Date(Date.parse(v)) } : { day: v }))
    .optional(),
);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** A part of a name to look for, any case: `web` finds `apps/web` and `webhooks`. */
const searchTextSchema = (max: number) =>
  optional(z.string().max(max, { abort: true }).trim().toLowerCase().min(1));


/** The code a failed tag was given (`swr_failed`, `no_progress`, SWR's own `SVCSTG.SWR.4001008`). */
export const failureCodeSchema = z
  .string()
  .trim()
  .max(MAX_FAILURE_CODE_LENGTH, { abort: true })
  .regex(/^[A-Za-z0-9_.:-]+$/);

const filterFields = {
  status: optional(z.enum(JOB_STATUSES)),
  /** Jobs with at least one tag that failed with this code. */
  failureCode: optional(failureCodeSchema),
  sourceRegion: optional(regionIdSchema),
  targetRegion: optional(regionIdSchema),
  namespace: optional(namespaceNameSchema),
  targetNamespace: optional(namespaceNameSchema),
  repository: searchTextSchema(128),
  user: searchTextSchema(254),
  from: dateBoundSchema,
  /** Exclusive when a date-time; a date alone includes that day. */
  to: dateBoundSchema,
  tz: optional(timeZoneSchema),
};

/** Date bounds as instants: a day starts and ends in the caller's zone; the years 1–9999 hold in every zone. */
function resolveBounds<T extends { from?: DateBound; to?: DateBound; tz?: string }>({ from, to, tz, ...rest }: T) {
  const timeZone = tz ?? UTC;
  const start = from && ("at" in from ? from.at : startOfDay(from.day, timeZone));
  const end = to && ("at" in to ? to.at : endOfDay(to.day, timeZone));
  return {
    ...rest,
    timeZone,
    from: start && new Date(Math.max(start.getTime(), MIN_DATE_MS)),
    to: end && new Date(Math.min(end.getTime(), MAX_DATE_MS)),
  };
}

const fromBeforeTo: [(f: { from?: Date; to?: Date }) => boolean, { path: string[]; message: string }] = [
  (f) => !f.from || !f.to || f.from < f.to,
  { path: ["to"], message: "jobErrors.toAfterFrom" },
];

/** Filters shared by the history list and the CSV export. */
export const jobFiltersSchema = z.object(filterFields).transform(resolveBounds).refine(...fromBeforeTo);

export const jobListQuerySchema = z
  .object({
    ...filterFields,
    cursor: optional(z.string().max(200, "jobErrors.unknownCursor")),
    limit: z.coerce.number().int().min(1).max(MAX_JOBS_PAGE_SIZE).default(DEFAULT_JOBS_PAGE_SIZE),
  })
  .transform(resolveBounds)
  .refine(...fromBeforeTo);

export type JobFilters = z.output<typeof jobFiltersSchema>;
export type JobListQuery = z.output<typeof jobListQuerySchema>;

/** GET /api/jobs/stats: with `days`, also the history of the last `days` days in `tz` (UTC when not given). */
export const jobStatsQuerySchema = z.object({
  days: optional(
    z.coerce.number().int().min(1).max(MAX_HISTORY_DAYS),
  ),
  tz: optional(timeZoneSchema),
});
export type JobStatsQuery = z.output<typeof jobStatsQuerySchema>;

export const MAX_TIMELINE_TASKS = 100;

/** GET /api/jobs/{id}/timeline */
export const jobTimelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_TIMELINE_TASKS).default(20),
});

/** IDs this API hands out are cuids: anything else (dots, slashes, spaces) is refused before a lookup or an audit entry. */
export const jobIdParamsSchema = z.object({
  id: z.string().min(1).max(64, { abort: true }).regex(/^[A-Za-z0-9_-]+$/, "jobErrors.unknownJobId"),
});

/** Retry and cancel take no options; the body is `{}` so that the JSON content-type check applies. */
export const emptyBodySchema = z.object({}).strict();

/**
 * GET /api/jobs/{id}?since= — a version this API handed out; `from`/`to` (tags, inclusive) narrow the changes to
 * the rows a page shows, so a refresh of a 20,000-tag job carries only what is on screen.
 */
export const jobQuerySchema = z.object({
  since: optional(z.string().max(16, { message: "jobErrors.unknownVersion", abort: true }).regex(/^\d{1,16}$/, "jobErrors.unknownVersion")),
  from: optional(z.string().max(128)),
  to: optional(z.string().max(128)),
});
export type JobQuery = z.output<typeof jobQuerySchema>;

export const MAX_TASK_PAGE_SIZE = 500;
const TASK_STATE_FILTERS = TASK_STATES;

const TASK_TARGET_SHAPE = "jobErrors.taskTargetShape";

/** A target named as `region/namespace` (a namespace holds no slash), as the tasks list filters by it. */
export const taskTargetSchema = z
  .string()
  .max(200, { message: TASK_TARGET_SHAPE, abort: true })
  .regex(/^[^/]+\/[^/]+$/, { message: TASK_TARGET_SHAPE, abort: true })
  .transform((value, ctx): JobTarget => {
    const [region = "", namespace = ""] = value.split("/");
    if (regionIdSchema.safeParse(region).success && namespaceNameSchema.safeParse(namespace).success) return { region, namespace };
    ctx.addIssue({ code: "custom", message: TASK_TARGET_SHAPE });
    return z.NEVER;
  });

/** GET /api/jobs/{id}/tasks */
export const taskListQuerySchema = z.object({
  status: optional(z.enum(TASK_STATE_FILTERS)),
  q: optional(z.string().max(128)),
  repository: optional(repositoryNameSchema),
  target: optional(taskTargetSchema),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_TASK_PAGE_SIZE).default(100),
});
export type TaskListQuery = z.output<typeof taskListQuerySchema>;

/** GET /api/jobs/{id}/export.csv: the tasks list's filters, the reader's time zone and language. */
export const taskCsvQuerySchema = taskListQuerySchema
  .omit({ offset: true, limit: true })
  .extend({ tz: optional(timeZoneSchema), lang: optional(z.enum(LOCALES)) })
  .transform(({ tz, lang, ...filters }) => ({ filters, timeZone: tz ?? UTC, locale: lang ?? DEFAULT_LOCALE }));
export type TaskCsvQuery = z.output<typeof taskCsvQuerySchema>;
export type TaskFilters = TaskCsvQuery["filters"];
