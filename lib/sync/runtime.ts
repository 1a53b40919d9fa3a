import "server-only";
import { db } from "@/lib/db/client";
import { env, type Env } from "@/lib/env";
import { onShutdown } from "@/lib/shutdown";
import { createSwrClient, swrConfigFromEnv } from "@/lib/swr";
import { engineHungAfterMs, engineReadRetry, engineSwrTimeoutMs, type SyncEngineConfig, syncEngineConfigFromEnv } from "./config";
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from "./engine";

// The engine of this server process: one per process, started from instrumentation.ts, stopped by the
// shutdown sequence (lib/shutdown.ts) on SIGTERM.

// On globalThis so that dev hot reload finds the running engine instead of starting a second one.
const holder = globalThis as typeof globalThis & { swrSyncEngine?: SyncEngine; swrSyncEngineUnregister?: () => void };

/**
 * The engine's own SWR client: a shorter time limit than the dashboard's, so that a hung call holds up one
 * round briefly, and reads sent a second time once they look hung (engineHungAfterMs), so that a hung read costs
 * about that; failed reads are tried again with short waits (engineReadRetry), so that one rarely costs a poll interval.
 * sync_images is never sent twice: it is not idempotent.
 */
export function engineSwrClient(e: Env = env()) {
  return createSwrClient({ ...swrConfigFromEnv(e), timeoutMs: engineSwrTimeoutMs(e), hedgeAfterMs: engineHungAfterMs(e), ...engineReadRetry(e) });
}

/** Starts this process's engine with the environment's settings (overridable); returns the running one if any. */
export function startSyncEngine(options: Partial<Omit<SyncEngineOptions, "config">> & { config?: Partial<SyncEngineConfig> } = {}): SyncEngine {
  if (holder.swrSyncEngine?.running) return holder.swrSyncEngine;
  const engine = createSyncEngine({
    id: env().SYNC_INSTANCE_ID,
    ...options,
    db: options.db ?? db(),
    swr: options.swr ?? engineSwrClient(),
    config: { ...syncEngineConfigFromEnv(env()), ...options.config },
  });
  holder.swrSyncEngine = engine;
  engine.start();
  holder.swrSyncEngineUnregister = onShutdown("sync engine", stopSyncEngine);
  return engine;
}

/** Stops this process's engine: its rounds end (up to `graceMs`) and let go of their jobs, due at once for other instances. */
export async function stopSyncEngine(graceMs?: number): Promise<void> {
  const engine = holder.swrSyncEngine;
  holder.swrSyncEngine = undefined;
  holder.swrSyncEngineUnregister?.();
  holder.swrSyncEngineUnregister = undefined;
  await engine?.stop(graceMs);
}
