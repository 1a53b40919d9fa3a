import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "@/lib/db/create-client";
import { logger, withLogContext } from "@/lib/log";
import { observeEngineStart, observeEngineStop, observeEngineTick, timeRound } from "@/lib/metrics/engine";
import { resolveSyncEngineConfig, type SyncEngineConfig } from "./config";
import type { RoundContext, SyncLogger, SyncSwr } from "./context";
import { RegionGate } from "./region-gate";
import { workRound } from "./round";
import { claimJob, findDueJobIds, finishRound, releaseJob, renewJobLease, type RoundEnd } from "./store";

// The sync engine: claims due jobs through leases in the database and works each one round at a time.
// Everything it knows is in the database, so any instance can pick up where another stopped.

export interface SyncEngineOptions {
  db: Db;
  swr: SyncSwr;
  /**
   * Unique per running instance; default host, process and a random part. A stable id (SYNC_INSTANCE_ID)
   * lets a restarted instance take back at once the jobs it held, instead of waiting for their leases to expire.
   */
  id?: string;
  config?: Partial<SyncEngineConfig>;
  /** Default: the process logger's child for `sync`, with this engine's `instance` id. */
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
  /** One pass: claims the due jobs, works a round of each (more while one is still submitting), lets them go. Never throws; failures are logged. */
  runOnce(): Promise<TickResult>;
  /**
   * Looks for due jobs every `tickMs` (and when a job it worked on is due again) until stopped, working on up to
   * `jobConcurrency` jobs at once, each without waiting for the others.
   */
  start(): void;
  /**
   * Stops looking and taking on new submissions, and waits (up to `graceMs`) for the rounds under way to end:
   * they write down what they sent and let go of their jobs due at once, so another instance goes on without waiting.
   */
  stop(graceMs?: number): Promise<void>;
  /** Stops at once without waiting or releasing anything, as a crash would: the leases just expire. */
  halt(): void;
  readonly running: boolean;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const config = resolveSyncEngineConfig(options.config);
  const id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? logger("sync").child({ instance: id });
  let halted = false;
  let stopping = false;
  const ctx: RoundContext = {
    db: options.db,
    swr: options.swr,
    owner: id,
    config,
    now,
    random: options.random ?? Math.random,
    log,
    pollFailures: new Map(),
    recordPage: { size: config.recordPageSize },
    alive: () => !halted && !stopping,
    regions: new RegionGate(config.regionConcurrency, now),
  };
  /** Jobs this instance is working on (a chain of rounds each), and the promises of that work. */
  const working = new Set<string>();
  const work = new Set<Promise<void>>();
  const heartbeats = new Set<NodeJS.Timeout>();
  /** The next look for due jobs, and when it is set for. */
  let timer: NodeJS.Timeout | undefined;
  let nextLookAt = Number.POSITIVE_INFINITY;
  let looking: Promise<unknown> | undefined;
  let lookAgain = false;
  /** The last look found more due jobs than it had room for: a job's work ending looks again at once. */
  let backlog = false;
  let started = false;

  /** One round of a job: claim, work, finish; when the job is due next (null: never, or not known here). */
  async function workRoundOf(jobId: string): Promise<Date | null> {
    let heartbeat: NodeJS.Timeout | undefined;
    let claimed = false;
    try {
      const claim = await claimJob(ctx.db, jobId, id, now(), config.leaseMs);
      if (!claim || halted) return null;
      claimed = true;
      log.debug("round started");
      heartbeat = setInterval(() => {
        renewJobLease(ctx.db, jobId, id, new Date(now().getTime() + config.leaseMs)).catch((e: unknown) => log.error({ err: e }, "renewing the lease failed"));
      }, config.leaseRenewMs);
      heartbeats.add(heartbeat);
      const round = await timeRound(() => workRound(ctx, claim));
      if (halted) return null;
      const end = stopping ? handOver(round) : round;
      clearInterval(heartbeat);
      const finished = await finishRound(ctx.db, claim.job, id, end, now());
      claimed = false;
      if (!finished) log.info("another engine took the job over; this round's results were dropped");
      else log.debug({ nextRoundAt: end.nextRoundAt }, "round finished");
      return finished ? end.nextRoundAt : null;
    } catch (e) {
      log.error({ err: e }, "the round failed");
      return null;
    } finally {
      if (heartbeat) {
        clearInterval(heartbeat);
        heartbeats.delete(heartbeat);
      }
      // A round that failed is tried again after one poll interval (at once by another instance when this one stops);
      // its submission mark stays for the next holder.
      if (claimed && !halted) {
        await releaseJob(ctx.db, jobId, id, stopping ? now() : new Date(now().getTime() + config.pollMs)).catch((e: unknown) => log.error({ err: e }, "releasing the lease failed"));
      }
    }
  }

  /** A round cut short by stop(): the job is due at once, for whichever instance looks next. */
  function handOver(end: RoundEnd): RoundEnd {
    return end.nextRoundAt === null ? end : { ...end, nextRoundAt: now() };
  }

  /**
   * A job's rounds, one after another while it is due again at once (still submitting); then a look for due work is
   * set for the moment it is due next, so that its rounds keep their pace rather than wait for the next tick.
   */
  async function workJob(jobId: string): Promise<void> {
    // One round per job at a time in this instance; other instances are kept out by the lease.
    if (working.has(jobId) || halted) return;
    working.add(jobId);
    try {
      // Every line of the round, the SWR client's included, names the job.
      const dueNext = await withLogContext({ jobId }, async () => {
        for (;;) {
          const next = await workRoundOf(jobId);
          if (next === null || next > now() || !started || halted) return next;
        }
      });
      if (dueNext) lookAt(dueNext.getTime());
    } finally {
      working.delete(jobId);
    }
  }

  /** Starts a job's work without waiting for it; the work is kept for stop(). */
  function startJob(jobId: string): Promise<void> {
    const done: Promise<void> = workJob(jobId)
      .catch((e: unknown) => log.error({ err: e, jobId }, "working on the job failed"))
      .finally(() => {
        work.delete(done);
        // A place came free: a job that the last look had no room for need not wait for the next tick.
        if (backlog) lookAt(now().getTime());
      });
    work.add(done);
    return done;
  }

  /**
   * Finds due jobs and starts working on as many as this instance has room for (jobConcurrency at once), without
   * waiting for that work: a job that submits for minutes holds up no other job's rounds. The jobs started.
   */
  async function look(): Promise<Promise<void>[]> {
    if (halted || stopping) return [];
    observeEngineTick();
    const room = () => Math.min(config.jobsPerTick, config.jobConcurrency - working.size);
    if (room() <= 0) {
      backlog = true;
      return [];
    }
    try {
      const jobIds = await findDueJobIds(ctx.db, now(), room() + 1, id, [...working]);
      const fits = jobIds.filter((j) => !working.has(j)).slice(0, Math.max(0, room()));
      backlog = jobIds.length > fits.length;
      return halted || stopping ? [] : fits.map(startJob);
    } catch (e) {
      log.error({ err: e }, "looking for due sync work failed");
      return [];
    }
  }

  /** One pass: looks for due jobs and works a round of each (more when it had no room for all), waiting for them. */
  async function runOnce(): Promise<TickResult> {
    let jobs = 0;
    for (;;) {
      const started = await look();
      jobs += started.length;
      await Promise.all(started);
      if (!backlog || started.length === 0 || jobs >= config.jobsPerTick) return { jobs };
    }
  }

  /** Sets the next look for `at` when that is sooner than the one set (while running). */
  function lookAt(at: number): void {
    if (!started || halted || stopping || at >= nextLookAt) return;
    clearTimeout(timer);
    nextLookAt = at;
    timer = setTimeout(fire, Math.max(0, at - now().getTime()));
    timer.unref?.();
  }

  /** A look, one at a time; the next one at the latest a tick later. */
  function fire(): void {
    timer = undefined;
    nextLookAt = Number.POSITIVE_INFINITY;
    if (looking) {
      lookAgain = true;
      return;
    }
    looking = look();
    void looking.finally(() => {
      looking = undefined;
      // A look asked for while this one ran goes at once.
      lookAt(now().getTime() + (lookAgain ? 0 : config.tickMs));
      lookAgain = false;
    });
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
      stopping = false;
      observeEngineStart(config.pollMs);
      log.info({ pollMs: config.pollMs, leaseMs: config.leaseMs, chunkSize: config.chunkSize }, "sync engine started");
      // Work held before a restart (under a stable id) or due meanwhile goes on at once.
      lookAt(now().getTime());
    },
    async stop(graceMs = 10_000) {
      started = false;
      stopping = true;
      observeEngineStop();
      clearTimeout(timer);
      nextLookAt = Number.POSITIVE_INFINITY;
      // The rounds under way end early (ctx.alive) and hand their jobs over due at once.
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([looking, ...work]), new Promise((resolve) => (giveUp = setTimeout(resolve, graceMs)))]);
      clearTimeout(giveUp);
    },
    halt() {
      halted = true;
      started = false;
      clearTimeout(timer);
      nextLookAt = Number.POSITIVE_INFINITY;
      for (const h of heartbeats) clearInterval(h);
      heartbeats.clear();
    },
  };
}
