import "server-only";
import { chunk, groupBy } from "@/lib/collections";
import { BUSY_CODE, SwrError } from "@/lib/swr/errors";
import { isAmbiguous, isRetryable, retryAfterOf, retryDelay, type RetryPolicy } from "@/lib/swr/retry";
import { swrCallError } from "./messages";
import type { RoundContext } from "./context";
import { engineRetryPolicy } from "./config";
import { landingWindowEnd } from "./landing";
import type { RoundReads } from "./round-reads";
import { type EngineJob, type EngineTask, isCancelled, markSubmitFailed, markSubmitted, SUBMITTING } from "./store";

// Submit: due tags go to SWR's sync_images in chunks, at most once per tag and attempt. Each chunk is
// written once, after SWR answered; the job's submission mark (set when the job was claimed) covers the
// moment in between, so a holder that stops there leaves the next one a reason to look at SWR first.

export interface SubmitOutcome {
  /** Tasks SWR accepted in this round. */
  submitted: number;
  /** Tasks left for the next round: the round's time for submitting ran out, or SWR asked to wait. */
  leftover: boolean;
  /** SWR throttled: the rest waits until then, without spending a try. */
  deferUntil: Date | null;
  /** When the tasks that failed a call are tried again. */
  retryTimes: Date[];
}

/**
 * How long a chunk waits after a failed call: capped exponential with full jitter (at least half the base), growing
 * with the chunk's tries only as far as its region's run of failed calls goes. Scattered failures of a region whose
 * other calls go through cost a chunk short waits; a region whose every call fails backs off as the chunk's tries
 * say. SWR's Retry-After, when sent, wins as always.
 */
export function chunkRetryDelay(tries: number, regionStreak: number, policy: RetryPolicy, random: () => number, retryAfterMs: number | undefined): number {
  const step = Math.max(1, Math.min(tries, regionStreak));
  return Math.max(policy.baseDelayMs / 2, retryDelay(step, policy, random, retryAfterMs));
}

/** True when `call` settles within `ms` (its failure is thrown), false when it is still out then. */
async function answeredWithin(call: Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([call.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A definite refusal of the request's content (400/404), which may concern only some of its tags. */
function refusesSomeTag(error: unknown): boolean {
  return error instanceof SwrError && error.kind === "http" && (error.status === 400 || error.status === 404);
}

// The cancel flag is looked at every so many chunks: a cancel costs at most that many calls.
const CANCEL_CHECK_CHUNKS = 10;

/**
 * Submits due tasks of a job, a chunk per call; one call carries tags of one repository to one target.
 * `baselines` holds each repository's newest SWR record as read this round (null when not read).
 */
export async function submitTasks(
  ctx: RoundContext,
  job: EngineJob,
  tasks: readonly EngineTask[],
  baselines: ReadonlyMap<string, string | null>,
  reads?: RoundReads,
): Promise<SubmitOutcome> {
  const { config } = ctx;
  const out: SubmitOutcome = { submitted: 0, leftover: false, deferUntil: null, retryTimes: [] };
  const deadline = ctx.now().getTime() + config.roundSubmitMs;
  const policy = engineRetryPolicy(config);

  const region = job.sourceRegion;
  /**
   * Chunks whose call may have synced (a 5xx, a time-out, a dropped connection), to send again in this round once
   * their backoff is over and a read of the records that began after their landing window shows none of their tags.
   */
  const later: { part: readonly EngineTask[]; prior: string | null; at: number; readAfter: Date }[] = [];
  const callChunk = async (part: readonly EngineTask[], prior: string | null): Promise<void> => {
    const startedAt = ctx.now();
    const ids = part.map((t) => t.id);
    try {
      const { repository, targetRegion, targetNamespace } = part[0]!;
      const receipt = await ctx.swr.createManualSync(job.sourceRegion, job.sourceNamespace, repository, {
        imageTag: part.map((t) => t.tag),
        override: job.override,
        remoteNamespace: targetNamespace,
        remoteRegionId: targetRegion,
      });
      const serverTime = receipt.serverTime ? new Date(receipt.serverTime) : undefined;
      // SWR's clock stamps its records, so its Date header is the better submission time.
      const submittedAt = serverTime && !Number.isNaN(serverTime.getTime()) ? serverTime : startedAt;
      // Read the count after the write: `out.submitted += await …` would add to the value from before the await and
      // lose what the job's other calls, in flight at the same time, counted meanwhile.
      ctx.regions.succeeded(region);
      const marked = await markSubmitted(ctx.db, job.id, ctx.owner, ids, { submittedAt, swrPriorJobId: prior });
      out.submitted += marked;
    } catch (error) {
      if (part.length > 1 && refusesSomeTag(error)) {
        // SWR refused the whole call, perhaps for one tag (e.g. deleted from the source since): find out tag by tag.
        ctx.log.info({ tags: part.length }, "SWR refused the tags at once; submitting them one by one");
        for (const t of part) await callChunk([t], prior);
        return;
      }
      const e = swrCallError(error);
      ctx.log.error({ tags: part.length }, `sync_images failed: ${e.message}`);
      const tries = Math.max(...part.map((t) => t.submitTries)) + 1;
      const endedAt = ctx.now();
      const streak = isRetryable(error) ? ctx.regions.failed(region) : 0;
      const backoffUntil = endedAt.getTime() + chunkRetryDelay(tries, streak, policy, ctx.random, retryAfterOf(error));
      const ambiguous = isAmbiguous(error) ? { submittedAt: startedAt, swrPriorJobId: prior } : undefined;
      // A call that may have reached SWR is looked for in its records before it is repeated, and only by a read that
      // begins once it can no longer land: its tasks are due no earlier (a round reads SWR's records after it began).
      const windowEnd = ambiguous ? landingWindowEnd(error, endedAt, config.landingSlackMs) : endedAt;
      const retryAt = new Date(Math.max(backoffUntil, windowEnd.getTime()));
      const { again = [], last = [] } = Object.fromEntries(groupBy(part, (t) => (isRetryable(error) && t.submitTries + 1 < config.maxSubmitTries ? "again" : "last")));
      // SWR asked to wait (429 or busy): every job of this region waits as long, other regions go on. Any other
      // failure concerns this chunk only: it waits for its retry while the job's other chunks go on.
      const throttled = error instanceof SwrError && (error.status === 429 || error.code === BUSY_CODE);
      if (throttled) ctx.regions.pause(region, retryAt);
      if (again.length > 0) {
        await markSubmitFailed(ctx.db, job.id, ctx.owner, again.map((t) => t.id), { status: "retrying", error: e, nextCheckAt: retryAt, ambiguous }, ctx.now());
        if (throttled) out.deferUntil = retryAt;
        // A call that may have landed is proven not to have by a read of the records that began after its landing
        // window (at once for an answered 5xx, the slack later for a call without an answer): one of this round's
        // watch passes, if the round is still on by then, or the next round's.
        if (reads && ambiguous && !throttled) {
          const resend = again.map((t) => ({ ...t, status: "retrying" as const, submitTries: t.submitTries + 1, swrStatus: SUBMITTING, submittedAt: startedAt, swrPriorJobId: prior }));
          later.push({ part: resend, prior, at: retryAt.getTime(), readAfter: windowEnd });
          reads.want(resend[0]!.repository, startedAt, windowEnd);
        } else out.retryTimes.push(retryAt);
      }
      if (last.length > 0) await markSubmitFailed(ctx.db, job.id, ctx.owner, last.map((t) => t.id), { status: "failed", error: e, nextCheckAt: null }, ctx.now());
    }
  };

  // A call carries one repository's tags to one target. A call that went unanswered keeps the baseline of
  // its first try; the others take the repository's newest record now.
  const priorOf = (t: EngineTask) => (t.swrStatus === SUBMITTING ? t.swrPriorJobId : (baselines.get(t.repository) ?? null));
  const parts = [...groupBy(tasks, (t) => JSON.stringify([t.repository, t.targetRegion, t.targetNamespace, priorOf(t)]))].flatMap(([, group]) =>
    chunk(group, config.chunkSize).map((part) => ({ part, prior: priorOf(part[0]!) })),
  );
  let next = 0;
  let sent = 0;
  let cancelled = false;
  let inFlight = 0;
  /** Workers waiting for a retry to become due, a read of the records, or a call to end. */
  let waiting: (() => void)[] = [];
  const wake = () => {
    const all = waiting;
    waiting = [];
    for (const w of all) w();
  };
  const stopWaking = reads?.onRead(wake);
  // Past the deadline the round goes on submitting while any of its calls is still out: it cannot end before they do.
  const timeIsUp = () => ctx.now().getTime() >= deadline && inFlight === 0;
  const stopping = () => {
    const regionPause = ctx.regions.pausedUntil(region);
    if (regionPause) out.deferUntil ??= regionPause;
    return out.deferUntil !== null || cancelled || timeIsUp() || !ctx.alive();
  };
  /** A failed chunk ready to go again: its backoff is over and a read since its landing window shows none of its tags. */
  const retryReady = (): { part: readonly EngineTask[]; prior: string | null } | "wait" | null => {
    const now = ctx.now().getTime();
    for (const [i, l] of later.entries()) {
      if (l.at > now) continue;
      const landed = reads?.showsAny(l.part[0]!.repository, l.part, l.readAfter);
      if (landed === undefined) continue;
      later.splice(i, 1);
      // One of its calls landed after all: the next round's read finds them (their tasks wait as unanswered calls).
      if (landed) {
        out.retryTimes.push(new Date(l.at));
        return retryReady();
      }
      return l;
    }
    return later.length > 0 || inFlight > 0 ? "wait" : null;
  };
  /** The next chunk to send: a new one, or a failed one ready to go again (waiting for it while calls are still out). */
  const take = async (): Promise<{ part: readonly EngineTask[]; prior: string | null } | null> => {
    for (;;) {
      if (stopping()) return null;
      if (next < parts.length) return parts[next++]!;
      const retry = retryReady();
      if (retry !== "wait") return retry;
      const now = ctx.now().getTime();
      // Past the deadline, a call ending (or a read) wakes the worker: the round may be over then.
      const firstDue = Math.min(now < deadline ? deadline : Number.POSITIVE_INFINITY, ...later.map((l) => l.at).filter((at) => at > now));
      await new Promise<void>((resolve) => {
        const timer = Number.isFinite(firstDue) ? setTimeout(wake, Math.max(1, firstDue - now)) : undefined;
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  /**
   * Calls out longer than `slowCallMs` that gave their worker and their region place back (RegionGate.letGo): a
   * hung call holds up neither the job's other chunks nor the region's other calls until its time-out.
   */
  const stragglers = new Set<Promise<void>>();
  // A few calls in flight at once, so that one slow answer does not hold up the rest of the job.
  const worker = async () => {
    for (;;) {
      const chunkToSend = await take();
      if (!chunkToSend) {
        out.leftover ||= !cancelled && next < parts.length;
        return;
      }
      if (sent > 0 && sent % CANCEL_CHECK_CHUNKS === 0 && (await isCancelled(ctx.db, job.id))) {
        cancelled = true;
        return;
      }
      sent++;
      inFlight++;
      const slot = await ctx.regions.acquire(region);
      const call = callChunk(chunkToSend.part, chunkToSend.prior).finally(() => {
        slot.release();
        inFlight--;
        wake();
      });
      if ((await answeredWithin(call, config.slowCallMs)) || !slot.letGo()) await call;
      else {
        const settled = () => void stragglers.delete(call);
        stragglers.add(call);
        call.then(settled, settled);
      }
    }
  };
  try {
    // Every call ends before the round does, even when one worker failed (a database error writing its chunk down):
    // a job let go while its calls are still out could have them sent again by its next holder.
    const workers = await Promise.allSettled(Array.from({ length: Math.min(config.submitConcurrency, parts.length) }, worker));
    const calls = await Promise.allSettled([...stragglers]);
    const failure = [...workers, ...calls].find((w) => w.status === "rejected");
    if (failure) throw failure.reason;
  } finally {
    stopWaking?.();
  }
  // Failed chunks this round did not send again are due in a later round (their tasks wait with that time).
  for (const l of later) out.retryTimes.push(new Date(l.at));
  return out;
}
