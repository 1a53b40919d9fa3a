import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { eachLimited } from "@/lib/collections";
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
  /** One pass: claims the due jobs, works a round of each, lets them go. Never throws; failures are logged. */
  runOnce(): Promise<TickResult>;
  /** Ticks every `tickMs` until stopped. */
  start(): void;
  /**
   * Stops ticking and taking on new submissions, and waits (up to `graceMs`) for the current pass to end its rounds:
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
  const working = new Set<string>();
  const heartbeats = new Set<NodeJS.Timeout>();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<TickResult> | undefined;
  let started = false;

  /** One round of a job: claim, work, finish; true when the job is due again at once (its submitting is not done). */
  async function workRoundOf(jobId: string): Promise<boolean> {
    let heartbeat: NodeJS.Timeout | undefined;
    let claimed = false;
    try {
      const claim = await claimJob(ctx.db, jobId, id, now(), config.leaseMs);
      if (!claim || halted) return false;
      claimed = true;
      log.debug("round started");
      heartbeat = setInterval(() => {
        renewJobLease(ctx.db, jobId, id, new Date(now().getTime() + config.leaseMs)).catch((e: unknown) => log.error({ err: e }, "renewing the lease failed"));
      }, config.leaseRenewMs);
      heartbeats.add(heartbeat);
      const round = await timeRound(() => workRound(ctx, claim));
      if (halted) return false;
      const end = stopping ? handOver(round) : round;
      clearInterval(heartbeat);
      const finished = await finishRound(ctx.db, claim.job, id, end, now());
      claimed = false;
      if (!finished) log.info("another engine took the job over; this round's results were dropped");
      else log.debug({ nextRoundAt: end.nextRoundAt }, "round finished");
      return finished && end.nextRoundAt !== null && end.nextRoundAt <= now();
    } catch (e) {
      log.error({ err: e }, "the round failed");
      return false;
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

  async function workJob(jobId: string): Promise<void> {
    // One round per job at a time in this instance; other instances are kept out by the lease.
    if (working.has(jobId) || halted) return;
    working.add(jobId);
    try {
      // A job still submitting goes on at once, rather than waiting for the next tick.
      // Every line of the round, the SWR client's included, names the job.
      await withLogContext({ jobId }, async () => {
        while ((await workRoundOf(jobId)) && started && !halted);
      });
    } finally {
      working.delete(jobId);
    }
  }

  async function tick(): Promise<TickResult> {
    if (halted || stopping) return { jobs: 0 };
    observeEngineTick();
    try {
      const jobIds = await findDueJobIds(ctx.db, now(), config.jobsPerTick, id);
      await eachLimited(jobIds, config.jobConcurrency, workJob);
      return { jobs: jobIds.length };
    } catch (e) {
      log.error({ err: e }, "looking for due sync work failed");
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
      stopping = false;
      observeEngineStart(config.pollMs);
      log.info({ pollMs: config.pollMs, leaseMs: config.leaseMs, chunkSize: config.chunkSize }, "sync engine started");
      schedule();
    },
    async stop(graceMs = 10_000) {
      started = false;
      stopping = true;
      observeEngineStop();
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
