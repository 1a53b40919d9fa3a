import type { Db } from "@/lib/db/create-client";
import type { SwrClient } from "@/lib/swr";
import type { SyncJob } from "@/prisma/generated/postgres/client";
import { backoffDelay, isRetryable, retryAfterOf } from "./backoff";
import type { SyncEngineConfig } from "./config";
import { swrCallError, type TaskError } from "./messages";
import { readRecordsSince, type SwrSyncRecord } from "./records";
import { submitTasks } from "./submit";
import { applyChanges, SUBMITTING, type SyncTask } from "./task-store";
import { watchTasks } from "./watch";

// One round of one job: a single read of SWR's records serves both the watch and the submission.

/** The SWR operations the engine uses. */
export type SyncSwr = Pick<SwrClient, "createManualSync" | "listSyncJobs" | "listAllTags">;

export interface SyncLogger {
  info(message: string): void;
  error(message: string): void;
}

export interface RoundContext {
  db: Db;
  swr: SyncSwr;
  owner: string;
  config: SyncEngineConfig;
  now: () => Date;
  random: () => number;
  log: SyncLogger;
  /** Failed poll rounds in a row per job, for backoff; kept in memory, as a restart may start afresh. */
  pollFailures: Map<string, number>;
}

export type RecordsRead = { ok: true; records: SwrSyncRecord[] } | { ok: false; error: TaskError; retryable: boolean };

/** Where each worked task should be looked at next (null: finished). */
export type NextChecks = Map<string, Date | null>;

const isWatched = (t: SyncTask) => t.status === "submitted" || t.status === "syncing" || t.status === "verifying";
const isSubmittable = (t: SyncTask) => t.status === "queued" || t.status === "retrying";

/** The earliest time a record of these tasks' submissions can carry. */
function recordsSince(tasks: readonly SyncTask[], now: Date, skewMs: number): Date {
  const times = tasks.filter((t) => isWatched(t) || t.swrStatus === SUBMITTING).map((t) => t.submittedAt?.getTime() ?? now.getTime());
  return new Date(Math.min(now.getTime(), ...times) - skewMs);
}

async function readRecords(ctx: RoundContext, job: SyncJob, since: Date): Promise<{ read: RecordsRead; delayMs: number }> {
  const { config } = ctx;
  try {
    const records = await readRecordsSince(ctx.swr, job, since, { pageSize: config.recordPageSize, maxPages: config.maxRecordPages });
    ctx.pollFailures.delete(job.id);
    return { read: { ok: true, records }, delayMs: config.pollMs };
  } catch (error) {
    const failures = (ctx.pollFailures.get(job.id) ?? 0) + 1;
    ctx.pollFailures.set(job.id, failures);
    ctx.log.error(`sync job ${job.id}: reading SWR's sync records failed: ${swrCallError(error).message}`);
    const delayMs = Math.max(config.pollMs, backoffDelay(failures, config, ctx.random, retryAfterOf(error)));
    return { read: { ok: false, error: swrCallError(error), retryable: isRetryable(error) }, delayMs };
  }
}

/** Works the claimed tasks of one job once and says when each is due again. */
export async function workJobRound(ctx: RoundContext, job: SyncJob, tasks: readonly SyncTask[]): Promise<NextChecks> {
  const now = ctx.now();
  const nextChecks: NextChecks = new Map();
  const watched = tasks.filter(isWatched);
  const toSubmit = tasks.filter(isSubmittable);
  const { read, delayMs } = await readRecords(ctx, job, recordsSince(tasks, now, ctx.config.recordSkewMs));
  const nextPoll = new Date(now.getTime() + delayMs);

  if (watched.length > 0) await watchTasks(ctx, job, watched, read, nextChecks, nextPoll);
  if (toSubmit.length === 0) return nextChecks;
  if (!read.ok && read.retryable) {
    // Without the records a lost submission cannot be told from none (§9.3): wait for SWR to answer again.
    const changes = toSubmit.map((task) => ({ task, path: [], fields: { lastErrorCode: read.error.code, lastErrorMessage: read.error.message } }));
    await applyChanges(ctx.db, job.id, ctx.owner, changes, now);
    for (const t of toSubmit) nextChecks.set(t.id, nextPoll);
    return nextChecks;
  }
  await submitTasks(ctx, job, toSubmit, read.ok ? read.records : undefined, nextChecks, nextPoll);
  return nextChecks;
}
