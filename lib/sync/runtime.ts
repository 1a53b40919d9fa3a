import "server-only";
import { db } from "@/lib/db/client";
import { env, type Env } from "@/lib/env";
import { createSwrClient, swrConfigFromEnv } from "@/lib/swr";
import { type SyncEngineConfig, syncEngineConfigFromEnv } from "./config";
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from "./engine";

// The engine of this server process: one per process, started from instrumentation.ts, stopped on SIGTERM.

// On globalThis so that dev hot reload finds the running engine instead of starting a second one.
const holder = globalThis as typeof globalThis & { swrSyncEngine?: SyncEngine };

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

function onSignal(signal: NodeJS.Signals): void {
  // Next's own handler usually exits the process; when nobody else listens, exit the way the signal would.
  const alone = process.listenerCount(signal) === 0;
  void stopSyncEngine().finally(() => {
    if (alone) process.kill(process.pid, signal);
  });
}

/**
 * The engine's own SWR client: a shorter time limit than the dashboard's, so that a hung call holds up one
 * round briefly; its rounds retry failed reads with backoff, and the client's attempts per read stay as set.
 */
export function engineSwrClient(e: Env = env()) {
  return createSwrClient({ ...swrConfigFromEnv(e), timeoutMs: Math.min(e.SYNC_SWR_TIMEOUT_MS, e.SWR_TIMEOUT_MS) });
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
  for (const s of SIGNALS) process.once(s, onSignal);
  return engine;
}

/** Stops this process's engine, letting the current pass finish and release its work. */
export async function stopSyncEngine(): Promise<void> {
  const engine = holder.swrSyncEngine;
  holder.swrSyncEngine = undefined;
  for (const s of SIGNALS) process.off(s, onSignal);
  await engine?.stop();
}
