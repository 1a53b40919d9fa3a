import { SwrError } from "@/lib/swr/errors";

// When to try SWR again after a failure the engine may repeat (§7: exponential, start 2 s, cap 60 s).

export interface BackoffPolicy {
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxRetryAfterMs: number;
}

const BUSY_CODE = "SVCSTG.SWR.4090023";

/** SWR's Retry-After, when the error carries one. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof Error) || !("retryAfterMs" in error)) return undefined;
  return typeof error.retryAfterMs === "number" && error.retryAfterMs >= 0 ? error.retryAfterMs : undefined;
}

/**
 * Delay before try `n + 1` after `n` failures. Equal jitter (half fixed, half random) rather than full:
 * a retry never comes at once, so SWR has time to show the records of a submission whose answer was lost.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** SWR may accept the same call later: throttling, busy (§6.3), 5xx, timeouts, network errors. */
export function isRetryable(error: unknown): boolean {
  return error instanceof SwrError && (error.retryable || error.code === BUSY_CODE);
}

/** The call may have taken effect although no answer says so: check SWR's records before repeating it (§9.3). */
export function isAmbiguous(error: unknown): boolean {
  if (!(error instanceof SwrError)) return false;
  return error.kind === "timeout" || error.kind === "network" || (error.kind === "http" && (error.status ?? 0) >= 500);
}
