import "server-only";
import { SwrError } from "@/lib/swr/errors";

// When a sync_images call may still take effect in SWR, and when a read of SWR's records can show
// that it did not. A chunk is sent again only after a read that began once every earlier call of it
// could no longer land: otherwise a call SWR acts on late would sync its tags twice.

/** Statuses that a gateway in front of SWR answers for it: SWR itself may still be working on the request. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * The moment after which a failed sync_images call can no longer land, given how it failed. An error SWR
 * answered (a refusal, a 500) comes after whatever SWR did with the call: that moment is the end. Without an
 * answer (a time-out, a dropped connection), with a gateway's 502/503/504, or with any other failure, SWR may
 * still act on a request it received until `slackMs` after the engine stopped waiting for it.
 */
export function landingWindowEnd(outcome: unknown, endedAt: Date, slackMs: number): Date {
  const answered = outcome instanceof SwrError && outcome.kind === "http" && !GATEWAY_STATUSES.has(outcome.status ?? 0);
  return answered ? endedAt : new Date(endedAt.getTime() + slackMs);
}

/**
 * Whether a records read that began at `readStartedAt` shows everything a call with this window can
 * have done: only then does the absence of its records mean that it did not land.
 */
export function readCoversWindow(windowEnd: Date | null, readStartedAt: Date): boolean {
  return windowEnd === null || readStartedAt.getTime() >= windowEnd.getTime();
}
