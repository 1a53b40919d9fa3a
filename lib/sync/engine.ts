import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "@/lib/db/create-client";
import { resolveSyncEngineConfig, type SyncEngineConfig } from "./config";
import { type NextChecks, type RoundContext, type SyncLogger, type SyncSwr, workJobRound } from "./round";
import { claimJobTasks, findDueJobIds, releaseTasks, renewLeases } from "./task-store";

// The sync engine: claims due jobs through leases in the database and works each one round at a time.
// Everything it knows is in the database, so any instance can pick up where another stopped.

export interface SyncEngineOptions {
  db: Db;
  swr: SyncSwr;
  /** Unique per running instance; default host, process and a random part. */
  id?: string;
  config?: Partial<SyncEngineConfig>;
  log?: SyncLogger;
  now?: () => Date;
  random?: () => number;
}

export interface TickResult {
  /** Jobs this engine worked on in the tick. */
  jobs: number;
}

export interface SyncEngine {
  readonly id: string;
  readonly config: SyncEngineConfig;
  /** One pass: claims the due work, works it, lets it go. Never throws; failures are logged. */
  runOnce(): Promise<TickResult>;
  /** Ticks every `tickMs` until stopped. */
  start(): void;
  /** Stops ticking and waits (up to `graceMs`) for the current pass, which releases its leases. */
  stop(graceMs?: number): Promise<void>;
  /** Stops at once without waiting or releasing anything, as a crash would: the leases just expire. */
  halt(): void;
  readonly running: boolean;
}

const consoleLog: SyncLogger = {
  info: (m) => console.info(`[sync] ${m}`),
  error: (m) => console.error(`[sync] ${m}`),
};

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
  });
  await Promise.all(workers);
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const config = resolveSyncEngineConfig(options.config);
  const id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleLog;
  const ctx: RoundContext = { db: options.db, swr: options.swr, owner: id, config, now, random: options.random ?? Math.random, log, pollFailures: new Map() };
  const working = new Set<string>();
  const heartbeats = new Set<NodeJS.Timeout>();
  let halted = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<TickResult> | undefined;
  let started = false;

  async function workJob(jobId: string): Promise<void> {
    // One pass per job at a time in this instance; other instances are kept out by the leases.
    if (working.has(jobId)) return;
    working.add(jobId);
    let nextChecks: NextChecks = new Map();
    let heartbeat: NodeJS.Timeout | undefined;
    let claimedIds: string[] = [];
    try {
      const tasks = await claimJobTasks(ctx.db, jobId, id, now(), config.leaseMs);
      if (tasks.length === 0 || halted) return;
      claimedIds = tasks.map((t) => t.id);
      heartbeat = setInterval(() => {
        renewLeases(ctx.db, jobId, id, new Date(now().getTime() + config.leaseMs)).catch((e: unknown) => log.error(`sync job ${jobId}: renewing leases failed: ${errorText(e)}`));
      }, config.leaseRenewMs);
      heartbeats.add(heartbeat);
      const job = await ctx.db.syncJob.findUnique({ where: { id: jobId } });
      if (!job) return;
      nextChecks = await workJobRound(ctx, job, tasks);
    } catch (e) {
      log.error(`sync job ${jobId}: ${errorText(e)}`);
    } finally {
      if (heartbeat) {
        clearInterval(heartbeat);
        heartbeats.delete(heartbeat);
      }
      if (!halted && claimedIds.length > 0) {
        // Tasks the round did not reach (an error) are looked at again after one poll interval.
        const later = new Date(now().getTime() + config.pollMs);
        for (const taskId of claimedIds) if (!nextChecks.has(taskId)) nextChecks.set(taskId, later);
        await releaseTasks(ctx.db, id, nextChecks).catch((e: unknown) => log.error(`sync job ${jobId}: releasing leases failed: ${errorText(e)}`));
      }
      working.delete(jobId);
    }
  }

  async function tick(): Promise<TickResult> {
    if (halted) return { jobs: 0 };
    try {
      const jobIds = await findDueJobIds(ctx.db, now(), config.jobsPerTick);
      await eachLimited(jobIds, config.jobConcurrency, workJob);
      return { jobs: jobIds.length };
    } catch (e) {
      log.error(`looking for due sync work failed: ${errorText(e)}`);
      return { jobs: 0 };
    }
  }

  function runOnce(): Promise<TickResult> {
    const pass = tick();
    current = pass;
    return pass;
  }

  function schedule(): void {
    if (!started || halted) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, config.tickMs);
    timer.unref?.();
  }

  return {
    id,
    config,
    runOnce,
    get running() {
      return started && !halted;
    },
    start() {
      if (started || halted) return;
      started = true;
      log.info(`engine ${id} started (poll ${config.pollMs} ms, lease ${config.leaseMs} ms, chunks of ${config.chunkSize})`);
      schedule();
    },
    async stop(graceMs = 10_000) {
      started = false;
      clearTimeout(timer);
      if (current) {
        let giveUp: NodeJS.Timeout | undefined;
        await Promise.race([current, new Promise((resolve) => (giveUp = setTimeout(resolve, graceMs)))]);
        clearTimeout(giveUp);
      }
    },
    halt() {
      halted = true;
      started = false;
      clearTimeout(timer);
      for (const h of heartbeats) clearInterval(h);
      heartbeats.clear();
    },
  };
}
