import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Logger } from "@/lib/log";
import type { SwrClient } from "@/lib/swr";
import type { SyncEngineConfig } from "./config";
import type { RegionGate } from "./region-gate";

// What the engine hands to each round and its submissions; its own file so round.ts and submit.ts need not import each other.

/** The SWR operations the engine uses. */
export type SyncSwr = Pick<SwrClient, "createManualSync" | "listSyncJobs" | "listAllTags">;

/** The engine's logger; lines of a job's round carry its `jobId` from the log context (lib/log/context.ts). */
export type SyncLogger = Pick<Logger, "debug" | "info" | "warn" | "error">;

export interface RoundContext {
  db: Db;
  swr: SyncSwr;
  owner: string;
  config: SyncEngineConfig;
  now: () => Date;
  random: () => number;
  log: SyncLogger;
  /** Failed record reads in a row per job, for backoff; kept in memory, as a restart may start afresh. */
  pollFailures: Map<string, number>;
  /** The record page size SWR accepts: starts at the setting, falls back to 100 once SWR refuses more. */
  recordPage: { size: number };
  /** False once the engine was halted: stop before the next SWR call. */
  alive: () => boolean;
  /** sync_images calls in flight per region, and regions that asked to wait. */
  regions: RegionGate;
}
