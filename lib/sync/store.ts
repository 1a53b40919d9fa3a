import "server-only";
import type { Db, DbTx } from "@/lib/db/create-client";
import { IDS_PER_QUERY } from "@/lib/db/limits";
import { chunk } from "@/lib/collections";
import { observeLeaseTakeover } from "@/lib/metrics/engine";
import { ACTIVE_TASK_STATES, type TaskState } from "@/lib/jobs/states";
import { readTaskCounts, summaryFields } from "@/lib/jobs/summary";
import { enqueueJobOutcome } from "@/lib/webhooks/enqueue";
import { Prisma, type SyncJob } from "@/prisma/generated/postgres/client";
import type { EndFields, EndStatus } from "./decide";
import { errorColumns, NO_ERROR, type TaskError } from "./messages";
import type { RecordCursors } from "./records";

// The engine's reads and writes. Work is claimed per job through a lease on the job row; task rows are
// written once per state change, a group of tasks per statement, so a successful tag costs three row
// writes in all (created, submitted, finished) whatever the job's size.

export type EngineJob = SyncJob;

export const engineTaskSelect = {
  id: true,
  repository: true,
  targetRegion: true,
  targetNamespace: true,
  tag: true,
  status: true,
  sourceDigest: true,
  swrStatus: true,
  swrPriorJobId: true,
  submitTries: true,
  submittedAt: true,
  nextCheckAt: true,
  lastErrorMsg: true,
} as const;

export interface EngineTask {
  id: string;
  /** The source repository, and where the tag goes. */
  repository: string;
  targetRegion: string;
  targetNamespace: string;
  tag: string;
  status: TaskState;
  sourceDigest: string | null;
  swrStatus: string | null;
  swrPriorJobId: string | null;
  submitTries: number;
  submittedAt: Date | null;
  nextCheckAt: Date | null;
  /** The last error as a catalog message (JSON), quoted when the tag finally times out. */
  lastErrorMsg: string | null;
}

/** swrStatus of a retrying task whose last sync_images call may have reached SWR: look at SWR's records before repeating it. */
export const SUBMITTING = "submitting";

// Interactive transactions wait behind other engines' writes on a busy database.
const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 };
// Rows per CASE statement: 13 bind values a row stays far below either database's limit.
const ROWS_PER_STATEMENT = 200;

/** A lease this engine may take: free, expired, or its own (an instance restarted under a stable id takes its work back at once). */
const claimable = (now: Date, owner: string) => ({ OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }, { leaseOwner: owner }] });

/** Jobs with a round due whose lease this engine may take, the longest-waiting first; `busy` (jobs it is working on) left out. */
export async function findDueJobIds(db: Db, now: Date, limit: number, owner: string, busy: readonly string[] = []): Promise<string[]> {
  const rows = await db.syncJob.findMany({
    where: { nextRoundAt: { lte: now }, ...claimable(now, owner), ...(busy.length > 0 ? { id: { notIn: [...busy] } } : {}) },
    orderBy: { nextRoundAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export interface Claim {
  job: EngineJob;
  /** A submission mark left by an earlier holder that stopped mid-round: some of its sync_images calls may not be written down. */
  inheritedMark: Date | null;
}

/**
 * Claims a due job with one conditional update, which the database re-checks under the row lock, so two
 * engines never hold the same job (within one engine, a job is worked by one round at a time). The claim also sets the job's submission mark unless an earlier
 * holder left one (it stopped mid-round): that one is kept, so its unrecorded calls are looked for.
 */
export async function claimJob(db: Db, jobId: string, owner: string, now: Date, leaseMs: number): Promise<Claim | null> {
  const lease = { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) };
  const due = { id: jobId, nextRoundAt: { lte: now }, ...claimable(now, owner) };
  const fresh = await db.syncJob.updateMany({ where: { ...due, submitMark: null }, data: { ...lease, submitMark: now } });
  if (fresh.count === 0) {
    // Whose lease this was: the update only goes through while that is still so, which tells a takeover for sure.
    const prior = await db.syncJob.findUnique({ where: { id: jobId }, select: { leaseOwner: true } });
    if (!prior) return null;
    const inherited = await db.syncJob.updateMany({ where: { ...due, submitMark: { not: null }, leaseOwner: prior.leaseOwner }, data: lease });
    if (inherited.count === 0) return null;
    if (prior.leaseOwner !== null && prior.leaseOwner !== owner) observeLeaseTakeover();
  }
  const job = await db.syncJob.findFirst({ where: { id: jobId, leaseOwner: owner } });
  if (!job) return null;
  return { job, inheritedMark: fresh.count === 0 ? job.submitMark : null };
}

/** Extends this engine's lease on a job; false when it was lost. */
export async function renewJobLease(db: Db, jobId: string, owner: string, until: Date): Promise<boolean> {
  const { count } = await db.syncJob.updateMany({ where: { id: jobId, leaseOwner: owner }, data: { leaseExpiresAt: until } });
  return count === 1;
}

/** The job's unfinished tasks (or those in `states` of them), by tag (then repository and target). */
export async function loadActiveTasks(db: Db, jobId: string, states: readonly TaskState[] = ACTIVE_TASK_STATES): Promise<EngineTask[]> {
  const rows = await db.syncTask.findMany({ where: { jobId, status: { in: [...states] } }, select: engineTaskSelect, orderBy: [{ tag: "asc" }, { repository: "asc" }, { targetRegion: "asc" }, { targetNamespace: "asc" }] });
  return rows as EngineTask[];
}

/** Whether someone cancelled the job since it was claimed. */
export async function isCancelled(db: Db, jobId: string): Promise<boolean> {
  const job = await db.syncJob.findUnique({ where: { id: jobId }, select: { cancelledAt: true } });
  return job?.cancelledAt != null;
}

const held = (jobId: string, owner: string) => ({ jobId, job: { is: { leaseOwner: owner } } });

/**
 * SWR accepted a chunk: its tasks are submitted, in one statement, while this engine holds the job. A task
 * that a cancel reached while the call was in flight is submitted too, as that is what SWR now does.
 */
export async function markSubmitted(db: Db, jobId: string, owner: string, ids: readonly string[], data: { submittedAt: Date; swrPriorJobId: string | null }): Promise<number> {
  const { count } = await db.syncTask.updateMany({
    where: { ...held(jobId, owner), id: { in: [...ids] }, status: { in: ["queued", "retrying", "cancelled"] } },
    data: { ...data, status: "submitted", swrStatus: null, ...NO_ERROR, nextCheckAt: null, finishedAt: null, submitTries: { increment: 1 } },
  });
  return count;
}

export interface SubmitFailure {
  status: "retrying" | "failed";
  error: TaskError;
  nextCheckAt: Date | null;
  /** Set when the call may have reached SWR: the next holder looks for its records first. */
  ambiguous?: { submittedAt: Date; swrPriorJobId: string | null };
}

/** A chunk's call failed: its tasks wait for another try or fail, in one statement. */
export async function markSubmitFailed(db: Db, jobId: string, owner: string, ids: readonly string[], f: SubmitFailure, now: Date): Promise<number> {
  const { count } = await db.syncTask.updateMany({
    where: { ...held(jobId, owner), id: { in: [...ids] }, status: { in: ["queued", "retrying"] } },
    data: {
      status: f.status,
      ...errorColumns(f.error),
      nextCheckAt: f.nextCheckAt,
      swrStatus: f.ambiguous ? SUBMITTING : null,
      ...(f.ambiguous ?? {}),
      submitTries: { increment: 1 },
      finishedAt: f.status === "failed" ? now : null,
    },
  });
  return count;
}

/** Tasks whose earlier call did reach SWR after all (SWR shows its records): submitted, without a new call. */
export async function markLanded(tx: DbTx, jobId: string, ids: readonly string[], submittedAt: Date | null): Promise<number> {
  let count = 0;
  for (const part of chunk(ids, IDS_PER_QUERY)) {
    const r = await tx.syncTask.updateMany({
      where: { jobId, id: { in: part }, status: { in: ["queued", "retrying"] } },
      data: { status: "submitted", swrStatus: null, ...NO_ERROR, nextCheckAt: null, ...(submittedAt ? { submittedAt } : {}) },
    });
    count += r.count;
  }
  return count;
}

/** Tasks an earlier holder may have sent without writing it down: held as calls without an answer until `nextCheckAt`. */
export interface HeldCalls {
  ids: string[];
  submittedAt: Date;
  nextCheckAt: Date;
}

async function markHeld(tx: DbTx, jobId: string, held: HeldCalls): Promise<number> {
  let count = 0;
  for (const part of chunk(held.ids, IDS_PER_QUERY)) {
    const r = await tx.syncTask.updateMany({
      where: { jobId, id: { in: part }, status: { in: ["queued", "retrying"] } },
      data: { status: "retrying", swrStatus: SUBMITTING, submittedAt: held.submittedAt, swrPriorJobId: null, nextCheckAt: held.nextCheckAt },
    });
    count += r.count;
  }
  return count;
}

export interface TaskEnd {
  id: string;
  status: EndStatus;
  fields: EndFields;
}

const END_STATUSES = ["succeeded", "kept", "failed"] as const satisfies readonly EndStatus[];

const END_COLUMNS = ["targetDigest", "swrJobId", "swrStatus", "lastErrorCode", "lastErrorMessage", "lastErrorMsg"] as const satisfies readonly (keyof EndFields)[];

/** Ends submitted tasks, one statement per outcome and 200 tasks, each with its own digest, record and error. */
async function endTasks(tx: DbTx, jobId: string, ends: readonly TaskEnd[], now: Date): Promise<number> {
  let count = 0;
  for (const status of END_STATUSES) {
    for (const part of chunk(ends.filter((e) => e.status === status), ROWS_PER_STATEMENT)) {
      const sets = END_COLUMNS.map(
        (col) => Prisma.sql`${Prisma.raw(`"${col}"`)} = CASE "id" ${Prisma.join(part.map((e) => Prisma.sql`WHEN ${e.id} THEN ${e.fields[col]}`), " ")} END`,
      );
      count += await tx.$executeRaw`UPDATE "SyncTask" SET "status" = ${status}, "finishedAt" = ${now}, "updatedAt" = ${now}, ${Prisma.join(sets, ", ")}
        WHERE "jobId" = ${jobId} AND "status" = 'submitted' AND "id" IN (${Prisma.join(part.map((e) => e.id))})`;
    }
  }
  return count;
}

export interface RoundEnd {
  ends: TaskEnd[];
  /** Tasks SWR shows records for although their call's answer was lost. */
  landed: { ids: string[]; submittedAt: Date | null }[];
  /** Tasks an earlier holder may have sent that SWR's records do not show yet. */
  held?: HeldCalls[];
  nextRoundAt: Date | null;
  progressed: boolean;
  /** Where each repository's read of SWR's records stopped; undefined when no read succeeded (the stored ones stay). */
  recordCursor: RecordCursors | undefined;
}

/**
 * The end of a round, in one transaction: the tasks the watch settled, the job's counters from one grouped
 * count, and the lease let go with the next round's time. False when another engine holds the job now.
 */
export async function finishRound(db: Db, job: EngineJob, owner: string, end: RoundEnd, now: Date): Promise<boolean> {
  return writeSettled(db, job.id, owner, end, now, (summary) => ({
    leaseOwner: null,
    leaseExpiresAt: null,
    submitMark: null,
    nextRoundAt: summary.finishedAt ? null : end.nextRoundAt,
    ...(end.progressed ? { progressAt: now } : {}),
    ...(end.recordCursor !== undefined ? { recordCursor: Object.keys(end.recordCursor).length > 0 ? JSON.stringify(end.recordCursor) : null } : {}),
  }));
}

/**
 * What a round settled while its sync_images calls are still out, written at once so that the job page moves on:
 * the same writes as the round's end, with the job's counters, while this engine keeps the lease. False when
 * another engine holds the job now (nothing is written then).
 */
export async function writeRoundProgress(db: Db, jobId: string, owner: string, p: Pick<RoundEnd, "ends" | "landed" | "held">, now: Date): Promise<boolean> {
  return writeSettled(db, jobId, owner, p, now, () => ({ progressAt: now }));
}

/**
 * One transaction: the tasks a round settled, the job's counters from one grouped count and `more` job columns,
 * while `owner` holds the lease; the job's outcome is queued when its last tasks end here. False when another
 * engine took the job over (its writes win, these roll back).
 */
async function writeSettled(
  db: Db,
  jobId: string,
  owner: string,
  p: Pick<RoundEnd, "ends" | "landed" | "held">,
  now: Date,
  more: (summary: ReturnType<typeof summaryFields>) => Prisma.SyncJobUpdateManyMutationInput,
): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      for (const l of p.landed) await markLanded(tx, jobId, l.ids, l.submittedAt);
      for (const h of p.held ?? []) await markHeld(tx, jobId, h);
      await endTasks(tx, jobId, p.ends, now);
      const current = await tx.syncJob.findUniqueOrThrow({ where: { id: jobId }, select: { cancelledAt: true, finishedAt: true } });
      const summary = summaryFields(await readTaskCounts(tx, jobId), current.cancelledAt !== null, now, current.finishedAt);
      const { count } = await tx.syncJob.updateMany({ where: { id: jobId, leaseOwner: owner }, data: { ...summary, ...more(summary) } });
      if (count === 0) throw new LeaseLostError(jobId);
      if (!current.finishedAt && summary.finishedAt) await enqueueJobOutcome(tx, jobId, now);
    }, TX_OPTIONS);
    return true;
  } catch (error) {
    if (error instanceof LeaseLostError) return false;
    throw error;
  }
}

export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`the lease on sync job ${jobId} was lost`);
    this.name = "LeaseLostError";
  }
}

/** Lets go of a job after a failed round, due again at `retryAt`; the submission mark stays, so the next holder checks SWR. */
export async function releaseJob(db: Db, jobId: string, owner: string, retryAt: Date): Promise<void> {
  await db.syncJob.updateMany({ where: { id: jobId, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null, nextRoundAt: retryAt } });
}
