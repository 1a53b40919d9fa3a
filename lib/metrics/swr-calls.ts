import { operationLabel, processMetrics, regionLabel, type StatusClass, type ThrottleReason } from "./process-metrics";

// What the SWR client reports about each HTTP exchange: the metric series, and per region whether SWR answered
// its last call (read by GET /api/ready). No server-only marker: lib/swr runs in scripts too.

export interface SwrExchange {
  operation: string;
  region: string;
  service: "SWR" | "IAM";
  /** The HTTP status, when an answer came. */
  status?: number;
  /** No answer: the connection failed, or the client gave up waiting. */
  failure?: "network" | "timeout";
  throttled?: ThrottleReason;
  seconds: number;
}

/** Whether SWR of one region answered the calls this process made to it. */
export interface RegionCalls {
  lastCallAt: Date;
  /** False for a network error, a timeout or a 5xx; any other status is an answer. */
  lastAnswered: boolean;
  lastStatusClass: StatusClass;
  lastAnsweredAt: Date | null;
}

export function statusClassOf(e: Pick<SwrExchange, "status" | "failure">): StatusClass {
  if (e.failure) return e.failure;
  const hundreds = Math.floor((e.status ?? 0) / 100);
  return hundreds === 2 || hundreds === 3 || hundreds === 4 ? `${hundreds}xx` : "5xx";
}

// On globalThis: the engine's calls (instrumentation bundle) and GET /api/ready (route bundle) share it.
const holder = globalThis as typeof globalThis & { swrSyncRegionCalls?: Map<string, RegionCalls> };

function regionCalls(): Map<string, RegionCalls> {
  holder.swrSyncRegionCalls ??= new Map();
  return holder.swrSyncRegionCalls;
}

/** Counts one exchange (every attempt of a call) and, for SWR itself, notes whether its region answered. */
export function observeSwrExchange(e: SwrExchange, now: Date = new Date()): void {
  const m = processMetrics();
  const operation = operationLabel(e.operation);
  const region = regionLabel(e.region);
  const statusClass = statusClassOf(e);
  m.swrRequests.inc({ operation, region, status_class: statusClass });
  m.swrDuration.observe({ operation, region }, e.seconds);
  if (e.throttled) m.swrThrottles.inc({ operation, region, reason: e.throttled });
  if (e.service !== "SWR") return;
  const answered = statusClass !== "network" && statusClass !== "timeout" && statusClass !== "5xx";
  const before = regionCalls().get(e.region);
  regionCalls().set(e.region, {
    lastCallAt: now,
    lastAnswered: answered,
    lastStatusClass: statusClass,
    lastAnsweredAt: answered ? now : (before?.lastAnsweredAt ?? null),
  });
}

/** The client is about to send a call again after a retryable failure. */
export function observeSwrRetry(operation: string, region: string): void {
  processMetrics().swrRetries.inc({ operation: operationLabel(operation), region: regionLabel(region) });
}

/** What this process saw of SWR in `region`; undefined before its first call there. */
export function lastSwrCalls(region: string): RegionCalls | undefined {
  return regionCalls().get(region);
}

/** Forgets every region's calls (tests). */
export function forgetSwrCalls(): void {
  regionCalls().clear();
}
