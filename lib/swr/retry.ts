import { SwrError } from "./errors";

// The one retry policy for SWR calls, used by the client (idempotent calls) and the sync engine
// (its own scheduling of sync_images and polls): capped exponential backoff with full jitter, or SWR's Retry-After.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound for a server-requested Retry-After. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** Milliseconds from a Retry-After value (delta-seconds or an HTTP date); undefined when absent or malformed. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Delay before retry number `retry` (1 = first retry): a random time up to the capped exponential ceiling. */
export function retryDelay(
  retry: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs: number | undefined,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** SWR may accept the same call later: throttling, busy, 5xx, timeouts, network errors. */
export function isRetryable(error: unknown): error is SwrError {
  return error instanceof SwrError && error.retryable;
}

/** SWR's Retry-After on a failed call, when it sent one. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof SwrError ? error.retryAfterMs : undefined;
}

/** The call may have taken effect although no answer says so: look at SWR's records before repeating it. */
export function isAmbiguous(error: unknown): boolean {
  if (!(error instanceof SwrError)) return false;
  return error.kind === "timeout" || error.kind === "network" || (error.kind === "http" && (error.status ?? 0) >= 500);
}
