import "server-only";
import type { Env } from "@/lib/env";
import { manyReadsRetry, type SwrClientConfig } from "@/lib/swr";
import type { RetryPolicy } from "@/lib/swr/retry";

// How the sync engine paces itself. SWR documents no limits for sync_images or sync_job; the defaults
// are defensive: small chunks, polls seconds apart, exponential backoff starting at 2 s and capped at 60 s.

export interface SyncEngineConfig {
  /** Tags per sync_images call. */
  chunkSize: number;
  /**
   * sync_images calls in flight at once for one job, and for all jobs of one source region. A call out longer
   * than `slowCallMs` gives its place back to the job and the region, up to 4 × `regionConcurrency` such calls
   * per region (lib/sync/region-gate.ts).
   */
  submitConcurrency: number;
  regionConcurrency: number;
  /** SWR answers sync_images well within this: a call out longer is more likely hung than slow. */
  slowCallMs: number;
  /** Time between two poll rounds of one job. */
  pollMs: number;
  /** Time between two looks for due work (new jobs wait at most this long). */
  tickMs: number;
  /** How long a claimed job stays with this engine without a renewal. */
  leaseMs: number;
  /** Renew held leases this often while working. */
  leaseRenewMs: number;
  /** A job whose tags have not moved for this long fails the tags it is still waiting for. */
  noProgressMs: number;
  /** With no SWR record this long after submission, check the target anyway (SWR may keep no record of manual syncs). */
  recordWindowMs: number;
  /** Clock difference tolerated between submission time and SWR's record times. */
  recordSkewMs: number;
  /**
   * How long after the engine stopped waiting for a sync_images call without an answer (a time-out, a dropped
   * connection) SWR may still act on it: the chunk is not sent again before a read of SWR's records that began later.
   */
  landingSlackMs: number;
  /** sync_images calls per tag and attempt before a throttled or failing submission fails. */
  maxSubmitTries: number;
  /** Backoff after a retryable failure: capped exponential with full jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** SWR's Retry-After is honoured up to this. */
  maxRetryAfterMs: number;
  /** Jobs one look for due work (and one runOnce) takes on at most, and how many jobs one instance works on at once. */
  jobsPerTick: number;
  jobConcurrency: number;
  /** ShowSyncJob page size (SWR documents no maximum; a refusal above 100 falls back to 100), and the most pages one round reads. */
  recordPageSize: number;
  maxRecordPages: number;
  /**
   * A round stops submitting after this long so that the job's watch keeps its pace; the rest goes in the next round at
   * once. While calls sent before then are still out, the round cannot end anyway: it goes on submitting until they have.
   */
  roundSubmitMs: number;
}

export const DEFAULT_SYNC_ENGINE_CONFIG: SyncEngineConfig = {
  chunkSize: 10,
  submitConcurrency: 4,
  slowCallMs: 1_000,
  regionConcurrency: 8,
  pollMs: 5_000,
  tickMs: 1_000,
  leaseMs: 60_000,
  leaseRenewMs: 20_000,
  noProgressMs: 30 * 60_000,
  recordWindowMs: 2 * 60_000,
  recordSkewMs: 60_000,
  landingSlackMs: 5_000,
  maxSubmitTries: 5,
  backoffBaseMs: 2_000,
  backoffMaxMs: 60_000,
  maxRetryAfterMs: 60_000,
  jobsPerTick: 20,
  jobConcurrency: 4,
  recordPageSize: 1000,
  maxRecordPages: 100,
  roundSubmitMs: 5_000,
};

export function resolveSyncEngineConfig(overrides: Partial<SyncEngineConfig> = {}): SyncEngineConfig {
  const config = { ...DEFAULT_SYNC_ENGINE_CONFIG, ...overrides };
  // Renewals must come well before expiry, or a busy engine loses work it is still doing.
  config.leaseRenewMs = Math.min(config.leaseRenewMs, Math.max(1, Math.floor(config.leaseMs / 3)));
  config.tickMs = Math.min(config.tickMs, config.pollMs);
  return config;
}

/** The time limit of one SWR call made by the engine: SYNC_SWR_TIMEOUT_MS, never above the app's SWR_TIMEOUT_MS. */
export function engineSwrTimeoutMs(e: Env): number {
  return Math.min(e.SYNC_SWR_TIMEOUT_MS, e.SWR_TIMEOUT_MS);
}

/**
 * SWR answers the engine's calls well within a second: one still out after that (at most half the time limit, so
 * the rule can act before the time-out) is more likely hung than slow. Slow sync_images calls give their places
 * back after it (`slowCallMs`); reads go out a second time (the engine's client, lib/sync/runtime.ts).
 */
export function engineHungAfterMs(e: Env): number {
  return Math.min(1_000, Math.floor(engineSwrTimeoutMs(e) / 2));
}

/**
 * How the engine's client retries its reads (SWR's records, the target's tags). Each failed read costs every tag
 * of its job a poll interval, and the engine makes one per repository per poll interval: so the retries of work made
 * of many reads (manyReadsRetry), with waits of at most engineHungAfterMs, so that a read that keeps failing gives up
 * within about a poll interval. sync_images is never retried by the client.
 */
export function engineReadRetry(e: Env): Pick<SwrClientConfig, "maxAttempts" | "retry"> {
  return manyReadsRetry(e, engineHungAfterMs(e));
}

/** The settings that lib/env.ts validates (SYNC_*). */
export function syncEngineConfigFromEnv(e: Env): Partial<SyncEngineConfig> {
  return {
    chunkSize: e.SYNC_CHUNK_SIZE,
    pollMs: e.SYNC_POLL_MS,
    leaseMs: e.SYNC_LEASE_MS,
    leaseRenewMs: Math.floor(e.SYNC_LEASE_MS / 3),
    noProgressMs: Math.round(e.SYNC_NO_PROGRESS_MINUTES * 60_000),
    recordWindowMs: e.SYNC_RECORD_WINDOW_MS,
    maxSubmitTries: e.SYNC_SUBMIT_ATTEMPTS,
    // SWR may take as long with a request it received as the engine waits for its answer.
    landingSlackMs: engineSwrTimeoutMs(e),
    slowCallMs: engineHungAfterMs(e),
    recordPageSize: e.SYNC_RECORD_PAGE_SIZE,
    // Long enough that a round's own reads are small beside its submitting, short enough that a long submission is watched often.
    roundSubmitMs: Math.max(5_000, e.SYNC_POLL_MS),
  };
}

/** The engine's own waits (a failed chunk's next try, a failing record read's next round) in the shared retry policy's terms. */
export function engineRetryPolicy(config: SyncEngineConfig): RetryPolicy {
  return { maxAttempts: Infinity, baseDelayMs: config.backoffBaseMs, maxDelayMs: config.backoffMaxMs, maxRetryAfterMs: config.maxRetryAfterMs };
}
