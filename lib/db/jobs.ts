import "server-only";
import type { JobDetail, JobPage, JobStats, JobSummary } from "@/lib/jobs/dto";
import { AppError } from "@/lib/errors";
import { recomputeJob } from "@/lib/sync/job-summary";
import { JOB_STATUSES, type JobStatus } from "@/lib/sync/states";
import type { CreateJobInput, JobFilters, JobListQuery } from "@/lib/validation/jobs";
import type { Prisma } from "@/prisma/generated/postgres/client";
import { recordAudit, type AuditInput } from "./audit";
import { db } from "./client";
import { decodeCursor, pageOf, type CursorPosition } from "./cursor";
import { jobInclude, toJobDetail, toJobSummaries } from "./job-dto";
import { prismaCode } from "./prisma-errors";

// Sync jobs as the API sees them: create one with its tasks, read one, list, count. The engine moves tasks.

export type NewJob = Omit<CreateJobInput, "tags"> & {
  createdById: string;
  tasks: { tag: string; sourceDigest: string | null }[];
  idempotencyKey?: string;
  requestHash: string;
};

export type CreateJobResult = { kind: "created"; id: string } | { kind: "key_taken" };

// 1,000 task rows on a busy SQLite file can outlast Prisma's 5 s default.
const WRITE_TIMEOUT_MS = 30_000;
const STATS_LIST_SIZE = 10;

/**
 * The job and one queued task per tag, with its derived summary and the audit event, in one transaction.
 * `key_taken` when another request with the same Idempotency-Key won the unique index first.
 */
export async function createJob(job: NewJob, audit?: Omit<AuditInput, "target">): Promise<CreateJobResult> {
  const { tasks, ...fields } = job;
  try {
    const id = await db().$transaction(
      async (tx) => {
        const created = await tx.syncJob.create({
          data: { ...fields, total: tasks.length, tasks: { createMany: { data: tasks } } },
          select: { id: true },
        });
        await recomputeJob(tx, created.id);
        if (audit) await recordAudit({ ...audit, target: created.id }, tx);
        return created.id;
      },
      { timeout: WRITE_TIMEOUT_MS, maxWait: WRITE_TIMEOUT_MS },
    );
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
  return new AppError("not_found", `There is no sync job with the ID ${id}.`);
}

export async function getJobDetail(id: string): Promise<JobDetail | null> {
  const job = await db().syncJob.findUnique({
    where: { id },
    include: { ...jobInclude, tasks: { orderBy: { tag: "asc" } } },
  });
  return job && toJobDetail(job);
}

/** The job, or AppError not_found (404). */
export async function requireJobDetail(id: string): Promise<JobDetail> {
  const job = await getJobDetail(id);
  if (!job) throw jobNotFound(id);
  return job;
}

function jobWhere(f: JobFilters): Prisma.SyncJobWhereInput {
  return {
    status: f.status,
    sourceRegion: f.sourceRegion,
    targetRegion: f.targetRegion,
    sourceNamespace: f.namespace,
    sourceRepository: f.repository,
    createdBy: f.user === undefined ? undefined : { email: f.user },
    createdAt: { gte: f.from, lt: f.to },
  };
}

async function readPage(
  where: Prisma.SyncJobWhereInput,
  after: CursorPosition | undefined,
  limit: number,
): Promise<JobPage> {
  const client = db();
  const rows = await client.syncJob.findMany({
    where: after
      ? {
          AND: [
            where,
            { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] },
          ],
        }
      : where,
    include: jobInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = pageOf(rows, limit, (r) => r.createdAt);
  return { items: await toJobSummaries(client, page.items), nextCursor: page.nextCursor };
}

/** One page of the history, newest first; `nextCursor` continues it. */
export async function listJobs(query: JobListQuery): Promise<JobPage> {
  return readPage(
    jobWhere(query),
    query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    query.limit,
  );
}

/** Every job matching the filters, newest first, read page by page (for the CSV export). */
export async function* iterateJobs(filters: JobFilters, pageSize = 500): AsyncGenerator<JobSummary[]> {
  const where = jobWhere(filters);
  let after: CursorPosition | undefined;
  for (;;) {
    const page = await readPage(where, after, pageSize);
    if (page.items.length > 0) yield page.items;
    const last = page.items.at(-1);
    if (!page.nextCursor || !last) return;
    after = { at: new Date(last.createdAt), id: last.id };
  }
}

/** Counts by status plus the unfinished and the latest jobs, for the overview. */
export async function getJobStats(): Promise<JobStats> {
  const [groups, running, recent] = await Promise.all([
    db().syncJob.groupBy({ by: ["status"], _count: { _all: true } }),
    readPage({ status: { in: ["queued", "running"] } }, undefined, STATS_LIST_SIZE),
    readPage({}, undefined, STATS_LIST_SIZE),
  ]);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const g of groups) {
    const status = JOB_STATUSES.find((s) => s === g.status);
    if (status) counts[status] = g._count._all;
  }
  return { counts, running: running.items, recent: recent.items };
}
