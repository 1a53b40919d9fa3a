import { processMetrics } from "./process-metrics";

// What the sync engine reports: when it last ticked (read by GET /api/ready), how long its rounds take, lease takeovers.
// No server-only marker: lib/sync imports this, and scripts (bench, demo) run the engine outside Next.

export interface EngineBeat {
  /** The engine's poll interval: GET /api/ready wants a tick within three of them. */
  pollMs: number;
  startedAt: Date;
  /** The start of its last look for due work, or the start or end of a job round (a long pass is not a stall). */
  lastTickAt: Date | null;
}

// On globalThis: the engine runs in the instrumentation bundle, GET /api/ready in the route bundle.
const holder = globalThis as typeof globalThis & { swrSyncEngineBeat?: EngineBeat };

/** An engine of this process started ticking every so often. */
export function observeEngineStart(pollMs: number, now: Date = new Date()): void {
  holder.swrSyncEngineBeat = { pollMs, startedAt: now, lastTickAt: null };
}

/** The engine is at work: a tick began, or a job round. */
export function observeEngineTick(now: Date = new Date()): void {
  if (holder.swrSyncEngineBeat) holder.swrSyncEngineBeat.lastTickAt = now;
}

/** The engine of this process stopped; undefined again, as before it started. */
export function observeEngineStop(): void {
  holder.swrSyncEngineBeat = undefined;
}

export function engineBeat(): EngineBeat | undefined {
  return holder.swrSyncEngineBeat;
}

/** Runs the work of one job round, observing its duration by outcome ("ok", or "error" when it throws). */
export async function timeRound<T>(work: () => Promise<T>): Promise<T> {
  observeEngineTick();
  const end = processMetrics().roundDuration.startTimer();
  try {
    const result = await work();
    end({ outcome: "ok" });
    return result;
  } catch (error) {
    end({ outcome: "error" });
    throw error;
  } finally {
    // A pass of several long rounds is still an engine at work.
    observeEngineTick();
  }
}

export function observeLeaseTakeover(): void {
  processMetrics().leaseTakeovers.inc();
}
