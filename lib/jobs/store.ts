import "server-only";
import { messageFromJson } from "@/i18n/message";
import { chunk } from "@/lib/collections";
import { recordAudit, type AuditInput } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import type { Db, DbTx } from "@/lib/db/create-client";
import { decodeCursor, pageOf, type CursorPosition } from "@/lib/db/cursor";
import { databaseProvider } from "@/lib/db/database-url";
import { containsPattern } from "@/lib/db/like";
import { prismaCode } from "@/lib/db/prisma-errors";
import { env } from "@/lib/env";
import { msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { PLAN_CLASSES, type PlanClass } from "@/lib/compare/classify";
import type { Prisma, SyncJob, SyncTask } from "@/prisma/generated/postgres/client";
import type { JobAnswer, JobCounts, JobDetail, JobPage, JobProgress, JobStats, JobSummary, TagSelection, TaskDto, TaskPage } from "./dto";
import type { PlannedTask } from "./plan";
import type { JobFilters, JobListQuery, JobQuery, JobTarget, TagSelector, TaskFilters, TaskListQuery } from "./schemas";
import { deriveJobStatus, emptyCounts, isJobStatus, isLiveJobStatus, isTaskState, JOB_STATUSES, LIVE_JOB_STATUSES, type JobStatus, type TaskCounts, totalOf } from "./states";
import { enqueueJobOutcome } from "@/lib/webhooks/enqueue";
import { readTaskCounts, summaryFields } from "./summary";

// Sync jobs as the API sees them: create one with its tasks, read one (and what changed since), page its
// tasks, list, count. Rows become the DTOs of ./dto.ts here and nowhere else.

export interface NewJob {
  sourceRegion: string;
  sourceNamespace: string;
  /** The job's repositories and targets, in the order asked; the first of each names the job in lists. */
  repositories: string[];
  targets: JobTarget[];
  override: boolean;
  /** How the tags were chosen, when every repository chose them the same way by a selector. */
  tagSelector: TagSelector | null;
  createdById: string;
  tasks: PlannedTask[];
  idempotencyKey?: string;
  requestHash: string;
}

/** Tasks the plan settles at once: identical ones need no SWR call, kept ones stay as the target has them. */
const SETTLED_BY_PLAN = { identical: "skipped_identical", keep: "kept" } as const;

export type CreateJobResult = { kind: "created"; id: string } | { kind: "key_taken" } | { kind: "running"; id: string };

// 50,000 task rows on a busy SQLite file can outlast Prisma's 5 s default.
const WRITE_TIMEOUT_MS = 120_000;
const STATS_LIST_SIZE = 10;
// Four values a row: 200 rows keep each insert far below either database's bind limit.
const TASKS_PER_INSERT = 200;
/** Changes older than this are sent again: a write committed late must not slip past a version. */
const VERSION_MARGIN_MS = 1_000;
/** More changed tasks than this: the browser reloads its page of tasks instead. */
const MAX_CHANGES = 500;

/** Tasks by tag, then repository and target: one order for pages and for changes. */
const TASK_ORDER: Prisma.SyncTaskOrderByWithRelationInput[] = [{ tag: "asc" }, { repository: "asc" }, { targetRegion: "asc" }, { targetNamespace: "asc" }];

const jobInclude = { createdBy: { select: { email: true } }, cancelledBy: { select: { email: true } } } as const;
type JobRow = SyncJob & { createdBy: { email: string }; cancelledBy: { email: string } | null };

function jobStatusOf(status: string, jobId: string): JobStatus {
  if (!isJobStatus(status)) throw new Error(`job ${jobId} has an unknown status "${status}"`);
  return status;
}

const isPlanClass = (v: string): v is PlanClass => (PLAN_CLASSES as readonly string[]).includes(v);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function parseSelection(raw: string | null): TagSelection {
  if (!raw) return null;
  const v = JSON.parse(raw) as { all?: unknown; pattern?: unknown };
  if (v.all === true) return { all: true };
  if (typeof v.pattern === "string") return { pattern: v.pattern };
  return null;
}

export function toJobCounts(c: TaskCounts): JobCounts {
  return { total: totalOf(c), queued: c.queued, active: c.retrying + c.submitted, succeeded: c.succeeded, failed: c.failed, cancelled: c.cancelled, skipped: c.skipped_identical, kept: c.kept };
}

const storedCounts = (job: SyncJob): JobCounts => ({
  total: job.total,
  queued: job.queued,
  active: job.active,
  succeeded: job.succeeded,
  failed: job.failed,
  cancelled: job.cancelled,
  skipped: job.skipped,
  kept: job.kept,
});

export function parseTargets(job: Pick<SyncJob, "targets" | "targetRegion" | "targetNamespace">): JobTarget[] {
  const first = [{ region: job.targetRegion, namespace: job.targetNamespace }];
  if (!job.targets) return first;
  const v: unknown = JSON.parse(job.targets);
  return Array.isArray(v) && v.length > 0 ? (v as JobTarget[]) : first;
}

function toJobSummary(job: JobRow, live?: { counts: TaskCounts }): JobSummary {
  return {
    id: job.id,
    status: live ? deriveJobStatus(live.counts, job.cancelledAt !== null) : jobStatusOf(job.status, job.id),
    sourceRegion: job.sourceRegion,
    sourceNamespace: job.sourceNamespace,
    sourceRepository: job.sourceRepository,
    targetRegion: job.targetRegion,
    targetNamespace: job.targetNamespace,
    repositoryCount: job.repositoryCount,
    targetCount: job.targetCount,
    targets: parseTargets(job),
    override: job.override,
    tagSelection: parseSelection(job.tagSelection),
    createdBy: { email: job.createdBy.email },
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    progressAt: job.progressAt.toISOString(),
    finishedAt: iso(job.finishedAt),
    attempt: job.attempt,
    counts: live ? toJobCounts(live.counts) : storedCounts(job),
    cancel: job.cancelledAt ? { at: job.cancelledAt.toISOString(), by: { email: job.cancelledBy?.email ?? "" } } : null,
  };
}

/** A task's last error as the API sends it: code, English, and the catalog message when the task kept one. */
export function taskErrorDto(task: Pick<SyncTask, "lastErrorCode" | "lastErrorMessage" | "lastErrorMsg">): TaskDto["lastError"] {
  if (!task.lastErrorCode && !task.lastErrorMessage) return null;
  const m = messageFromJson(task.lastErrorMsg);
  return { code: task.lastErrorCode ?? "unknown", message: task.lastErrorMessage ?? "", ...(m ? { key: m.key, ...(m.params ? { params: m.params } : {}) } : {}) };
}

export function toTaskDto(task: SyncTask): TaskDto {
  if (!isTaskState(task.status)) throw new Error(`a task of job ${task.jobId} has an unknown status "${task.status}"`);
  return {
    repository: task.repository,
    targetRegion: task.targetRegion,
    targetNamespace: task.targetNamespace,
    tag: task.tag,
    planClass: isPlanClass(task.planClass) ? task.planClass : "new",
    status: task.status,
    sourceDigest: task.sourceDigest,
    targetDigest: task.targetDigest,
    attempts: task.attempts,
    lastError: taskErrorDto(task),
    updatedAt: task.updatedAt.toISOString(),
    submittedAt: iso(task.submittedAt),
    finishedAt: iso(task.finishedAt),
  };
}

/** The newest unsettled job a user started with this very request (same hash), if any. */
export async function findRunningJob(client: DbTx, createdById: string, requestHash: string): Promise<string | null> {
  const job = await client.syncJob.findFirst({
    where: { createdById, requestHash, status: { in: [...LIVE_JOB_STATUSES] } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return job?.id ?? null;
}

/**
 * The job and one queued task per tag, due for the engine at once, with the audit event, in one
 * transaction. `key_taken` when another request with the same Idempotency-Key won the unique index first;
 * with `oncePerRunningRequest` (no key), `running` when the same request's earlier job is still unsettled.
 */
export async function createJob(job: NewJob, audit?: Omit<AuditInput, "target">, oncePerRunningRequest = false): Promise<CreateJobResult> {
  return createJobIn(db(), job, audit, oncePerRunningRequest);
}

/** createJob on a given database client (the engine's tests write jobs on their own). */
export async function createJobIn(client: Db, job: NewJob, audit?: Omit<AuditInput, "target">, oncePerRunningRequest = false): Promise<CreateJobResult> {
  const { tasks, tagSelector, repositories, targets, ...fields } = job;
  const now = new Date();
  try {
    const id = await client.$transaction(
      async (tx) => {
        if (oncePerRunningRequest) {
          // Identical requests queue here on PostgreSQL (SQLite runs one transaction at a time anyway), so only one finds no job.
          if (databaseProvider(env().DATABASE_URL) === "postgres") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${job.createdById}:${job.requestHash}`}))`;
          const running = await findRunningJob(tx, job.createdById, job.requestHash);
          if (running) return { running };
        }
        const counts = emptyCounts();
        for (const t of tasks) counts[t.planClass === "identical" || t.planClass === "keep" ? SETTLED_BY_PLAN[t.planClass] : "queued"]++;
        const summary = summaryFields(counts, false, now);
        const created = await tx.syncJob.create({
          data: {
            ...fields,
            sourceRepository: repositories[0]!,
            targetRegion: targets[0]!.region,
            targetNamespace: targets[0]!.namespace,
            repositoryCount: repositories.length,
            targetCount: targets.length,
            targets: JSON.stringify(targets),
            ...summary,
            tagSelection: tagSelector ? JSON.stringify(tagSelector) : null,
            nextRoundAt: counts.queued > 0 ? now : null,
            progressAt: now,
          },
          select: { id: true },
        });
        for (const part of chunk(tasks, TASKS_PER_INSERT)) {
          await tx.syncTask.createMany({
            data: part.map((t) => {
              const settled = t.planClass === "identical" || t.planClass === "keep" ? SETTLED_BY_PLAN[t.planClass] : null;
              // The target's digest is kept for the tags the plan settled; the others get theirs when the engine verifies them.
              const { targetDigest, ...task } = t;
              return { ...task, jobId: created.id, ...(settled ? { status: settled, finishedAt: now, submitTries: 0, targetDigest } : {}) };
            }),
          });
        }
        if (audit) await recordAudit({ ...audit, target: created.id }, tx);
        // Every tag was settled by the plan: the job is over before it starts, and says so like any other.
        if (summary.finishedAt) await enqueueJobOutcome(tx, created.id, now);
        return created.id;
      },
      { timeout: WRITE_TIMEOUT_MS, maxWait: WRITE_TIMEOUT_MS },
    );
    if (typeof id !== "string") return { kind: "running", id: id.running };
    return { kind: "created", id };
  } catch (error) {
    if (job.idempotencyKey && prismaCode(error) === "P2002") return { kind: "key_taken" };
    throw error;
  }
}

/** The job a user started with an Idempotency-Key, with the hash of that request. */
export async function getJobByIdempotencyKey(createdById: string, idempotencyKey: string) {
  return db().syncJob.findUnique({
    where: { createdById_idempotencyKey: { createdById, idempotencyKey } },
    select: { id: true, requestHash: true },
  });
}

export function jobNotFound(id: string): AppError {
  return new AppError("not_found", msg("jobErrors.notFound", { id }));
}

/** 404 unless the job exists: for reads of its parts, which would otherwise answer an unknown job with nothing. */
export async function requireJobExists(id: string, client: DbTx = db()): Promise<void> {
  const exists = await client.syncJob.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw jobNotFound(id);
}

/** The job with counts from its tasks as they are now (the stored ones follow at the end of each engine round). */
async function readDetail(client: DbTx, id: string): Promise<{ detail: JobDetail; row: JobRow } | null> {
  const readAt = Date.now();
  const row = await client.syncJob.findUnique({ where: { id }, include: jobInclude });
  if (!row) return null;
  const counts = await readTaskCounts(client, id);
  const summary = toJobSummary(row, { counts });
  // Live until the engine has stored the job's end (its finishedAt), so a page polls until the summary is final.
  const live = isLiveJobStatus(summary.status) || row.finishedAt === null;
  return { row, detail: { ...summary, live, version: String(readAt - VERSION_MARGIN_MS) } };
}

export async function getJobDetail(id: string): Promise<JobDetail | null> {
  return (await readDetail(db(), id))?.detail ?? null;
}

/** The job, or AppError not_found (404). */
export async function requireJobDetail(id: string): Promise<JobDetail> {
  const job = await getJobDetail(id);
  if (!job) throw jobNotFound(id);
  return job;
}

/** The job and, with `since`, the tasks (between `from` and `to`) that changed after that version: what a live page needs, and no more. */
export async function getJobAnswer(id: string, { since, from, to }: JobQuery = {}): Promise<JobAnswer> {
  const read = await readDetail(db(), id);
  if (!read) throw jobNotFound(id);
  if (since === undefined) return { job: read.detail };
  const rows = await db().syncTask.findMany({
    where: { jobId: id, updatedAt: { gt: new Date(Number(since)) }, ...(from !== undefined || to !== undefined ? { tag: { gte: from, lte: to } } : {}) },
    orderBy: TASK_ORDER,
    take: MAX_CHANGES + 1,
  });
  const complete = rows.length <= MAX_CHANGES;
  return { job: read.detail, changes: { tasks: complete ? rows.map(toTaskDto) : [], complete } };
}

/** One page of a job's tasks by tag, filtered by state, a substring of the tag, the repository and the target. */
function taskWhere(id: string, q: TaskFilters): Prisma.SyncTaskWhereInput {
  return {
    jobId: id,
    status: q.status,
    repository: q.repository,
    targetRegion: q.target?.region,
    targetNamespace: q.target?.namespace,
    ...(q.q ? { tag: { contains: q.q } } : {}),
  };
}

export async function listJobTasks(id: string, q: TaskListQuery): Promise<TaskPage> {
  const client = db();
  await requireJobExists(id, client);
  const where = taskWhere(id, q);
  const [total, rows] = await Promise.all([
    client.syncTask.count({ where }),
    client.syncTask.findMany({ where, orderBy: TASK_ORDER, skip: q.offset, take: q.limit }),
  ]);
  return { items: rows.map(toTaskDto), total, offset: q.offset, limit: q.limit };
}

/**
 * Every task of a job matching `filters`, in the tasks list's order, page by page (each page after the last row of
 * the one before, so a page costs the same however far in); 404 before the first page when the job does not exist.
 */
export async function iterateJobTasks(id: string, filters: TaskFilters, pageSize = 1_000): Promise<AsyncGenerator<TaskDto[]>> {
  const client = db();
  await requireJobExists(id, client);
  const where = taskWhere(id, filters);
  return (async function* pages() {
    let after: string | undefined;
    for (;;) {
      const rows = await client.syncTask.findMany({ where, orderBy: TASK_ORDER, take: pageSize, ...(after ? { cursor: { id: after }, skip: 1 } : {}) });
      if (rows.length > 0) yield rows.map(toTaskDto);
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.id;
    }
  })();
}

/** Task counts per repository and target, from one grouped count. */
export async function getJobProgress(id: string): Promise<JobProgress> {
  const client = db();
  await requireJobExists(id, client);
  const rows = await client.syncTask.groupBy({ by: ["repository", "targetRegion", "targetNamespace", "status"], where: { jobId: id }, _count: { _all: true } });
  const groups = new Map<string, { repository: string; targetRegion: string; targetNamespace: string; counts: TaskCounts }>();
  for (const r of rows) {
    const key = JSON.stringify([r.repository, r.targetRegion, r.targetNamespace]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { repository: r.repository, targetRegion: r.targetRegion, targetNamespace: r.targetNamespace, counts: emptyCounts() }));
    if (isTaskState(r.status)) g.counts[r.status] += r._count._all;
  }
  const sorted = [...groups.values()].sort((a, b) => a.repository.localeCompare(b.repository) || a.targetRegion.localeCompare(b.targetRegion) || a.targetNamespace.localeCompare(b.targetNamespace));
  return { groups: sorted.map((g) => ({ repository: g.repository, targetRegion: g.targetRegion, targetNamespace: g.targetNamespace, counts: toJobCounts(g.counts) })) };
}

/** The most names one substring filter may stand for; a wider one asks for more of the name. */
const MAX_FILTER_MATCHES = 5_000;

function tooBroad(field: "repository" | "user", text: string): AppError {
  return new AppError("validation_failed", msg("jobErrors.invalidFilters"), {
    [field]: [msg("jobErrors.filterTooBroad", { text, maximum: MAX_FILTER_MATCHES })],
  });
}

/**
 * Repository names of the history that contain `text` (lowercase): each job's first repository, and the others of jobs
 * over several, which only their tasks name.
 */
async function repositoriesContaining(text: string): Promise<string[]> {
  const pattern = containsPattern(text);
  const rows = await db().$queryRaw<{ name: string }[]>`
    SELECT "sourceRepository" AS "name" FROM "SyncJob" WHERE "sourceRepository" LIKE ${pattern} ESCAPE '\\'
    UNION
    SELECT t."repository" AS "name" FROM "SyncTask" t JOIN "SyncJob" j ON j."id" = t."jobId"
    WHERE j."repositoryCount" > 1 AND t."repository" LIKE ${pattern} ESCAPE '\\'
    LIMIT ${MAX_FILTER_MATCHES + 1}`;
  if (rows.length > MAX_FILTER_MATCHES) throw tooBroad("repository", text);
  return rows.map((r) => r.name);
}

/** IDs of the users whose email contains `text` (lowercase). */
async function usersContaining(text: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "email" LIKE ${containsPattern(text)} ESCAPE '\\' LIMIT ${MAX_FILTER_MATCHES + 1}`;
  if (rows.length > MAX_FILTER_MATCHES) throw tooBroad("user", text);
  return rows.map((r) => r.id);
}

/** The filters as a query; repository and user match parts of names, any case, looked up first so both databases agree. */
async function jobWhere(f: JobFilters): Promise<Prisma.SyncJobWhereInput> {
  const [repositories, users] = await Promise.all([
    f.repository === undefined ? undefined : repositoriesContaining(f.repository),
    f.user === undefined ? undefined : usersContaining(f.user),
  ]);
  return {
    status: f.status,
    sourceRegion: f.sourceRegion,
    targetRegion: f.targetRegion,
    sourceNamespace: f.namespace,
    targetNamespace: f.targetNamespace,
    // A job matches when any of its repositories does; the tasks of a job over several name them all.
    OR: repositories && [{ sourceRepository: { in: repositories } }, { repositoryCount: { gt: 1 }, tasks: { some: { repository: { in: repositories } } } }],
    createdById: users && { in: users },
    createdAt: { gte: f.from, lt: f.to },
    tasks: f.failureCode === undefined ? undefined : { some: { lastErrorCode: f.failureCode, status: "failed" } },
  };
}

async function readPage(where: Prisma.SyncJobWhereInput, after: CursorPosition | undefined, limit: number): Promise<JobPage> {
  const rows = await db().syncJob.findMany({
    where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] } : where,
    include: jobInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = pageOf(rows, limit, (r) => r.createdAt);
  return { items: page.items.map((r) => toJobSummary(r)), nextCursor: page.nextCursor };
}

/** One page of the history, newest first; `nextCursor` continues it. */
export async function listJobs(query: JobListQuery): Promise<JobPage> {
  return readPage(await jobWhere(query), query.cursor === undefined ? undefined : decodeCursor(query.cursor), query.limit);
}

/** Every job matching the filters, newest first, read page by page (for the CSV export). */
export async function* iterateJobs(filters: JobFilters, pageSize = 500): AsyncGenerator<JobSummary[]> {
  const where = await jobWhere(filters);
  let after: CursorPosition | undefined;
  for (;;) {
    const page = await readPage(where, after, pageSize);
    if (page.items.length > 0) yield page.items;
    const last = page.items.at(-1);
    if (!page.nextCursor || !last) return;
    after = { at: new Date(last.createdAt), id: last.id };
  }
}

/** Counts by status plus the unsettled and the latest jobs, for the overview. */
export async function getJobStats(): Promise<JobStats> {
  const [groups, running, recent] = await Promise.all([
    db().syncJob.groupBy({ by: ["status"], _count: { _all: true } }),
    readPage({ status: { in: ["queued", "running", "cancelling"] } }, undefined, STATS_LIST_SIZE),
    readPage({}, undefined, STATS_LIST_SIZE),
  ]);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const g of groups) if (isJobStatus(g.status)) counts[g.status] = g._count._all;
  return { counts, running: running.items, recent: recent.items };
}
