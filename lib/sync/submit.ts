import { SwrError } from "@/lib/swr/errors";
import type { SyncJob } from "@/prisma/generated/postgres/client";
import { backoffDelay, isAmbiguous, isRetryable, retryAfterOf } from "./backoff";
import { swrCallError } from "./messages";
import { matchRecord, newestRecordId, type SwrSyncRecord } from "./records";
import type { NextChecks, RoundContext } from "./round";
import { chunk } from "./states";
import { applyChanges, markSubmitting, SUBMITTING, type SyncTask, type TaskChange } from "./task-store";

// Submit: queued tags go to SWR's sync_images in chunks (§8.7, §9.3), at most once per tag and attempt.

/** Tasks whose earlier sync_images call did reach SWR after all: SWR shows a record it created. */
function landedEarlier(job: SyncJob, tasks: readonly SyncTask[], records: readonly SwrSyncRecord[], skewMs: number): SyncTask[] {
  return tasks.filter(
    (t) =>
      t.swrStatus === SUBMITTING &&
      matchRecord(records, {
        tag: t.tag,
        targetRegion: job.targetRegion,
        targetNamespace: job.targetNamespace,
        since: t.submittedAt ? new Date(t.submittedAt.getTime() - skewMs) : undefined,
        priorId: t.swrPriorJobId,
      }) !== undefined,
  );
}

/** Marks each task as being submitted; returns those still held, as they now are. */
async function markChunk(ctx: RoundContext, job: SyncJob, tasks: readonly SyncTask[], records: readonly SwrSyncRecord[] | undefined, at: Date): Promise<SyncTask[]> {
  const marks = tasks.map((t) => {
    const unsettled = t.swrStatus === SUBMITTING;
    const data = {
      // A fresh attempt (queued by job creation or Retry) starts counting from one.
      submitTries: t.status === "retrying" || unsettled ? t.submitTries + 1 : 1,
      // The baseline stays from the first call of an unsettled submission; otherwise it is the newest record now.
      swrPriorJobId: unsettled
        ? t.swrPriorJobId
        : records
          ? newestRecordId(records, { tag: t.tag, targetRegion: job.targetRegion, targetNamespace: job.targetNamespace })
          : null,
      submittedAt: at,
    };
    return { task: t, data };
  });
  const held = await markSubmitting(ctx.db, ctx.owner, marks);
  return held.map((m) => ({ ...m.task, ...m.data, swrStatus: SUBMITTING }));
}

/**
 * Submits the claimed queued/retrying tasks. `records` are SWR's recent records of the repository
 * (undefined when SWR refused to show them for good: then nothing can have landed unseen); submitted
 * tasks are next looked at `nextPoll`.
 */
export async function submitTasks(
  ctx: RoundContext,
  job: SyncJob,
  tasks: readonly SyncTask[],
  records: readonly SwrSyncRecord[] | undefined,
  nextChecks: NextChecks,
  nextPoll: Date,
): Promise<void> {
  const { config } = ctx;
  const now = ctx.now();
  const landed = records ? landedEarlier(job, tasks, records, config.recordSkewMs) : [];
  if (landed.length > 0) {
    ctx.log.info(`sync job ${job.id}: SWR shows ${landed.length} tag(s) of an unanswered submission; not submitting them again`);
    await applyChanges(ctx.db, job.id, ctx.owner, landed.map((task): TaskChange => ({ task, path: ["submitted"], fields: { swrStatus: null, lastErrorCode: null, lastErrorMessage: null } })), now);
    for (const t of landed) nextChecks.set(t.id, nextPoll);
  }

  let deferUntil: Date | undefined;
  const submitChunk = async (part: readonly SyncTask[]): Promise<void> => {
    if (deferUntil) {
      // SWR just throttled or failed: the rest waits as long, without spending a try.
      for (const t of part) nextChecks.set(t.id, deferUntil);
      return;
    }
    const startedAt = ctx.now();
    const marked = await markChunk(ctx, job, part, records, startedAt);
    if (marked.length === 0) return;
    let changes: TaskChange[];
    try {
      const receipt = await ctx.swr.createManualSync(job.sourceRegion, job.sourceNamespace, job.sourceRepository, {
        imageTag: marked.map((t) => t.tag),
        override: job.override,
        remoteNamespace: job.targetNamespace,
        remoteRegionId: job.targetRegion,
      });
      const serverTime = receipt.serverTime ? new Date(receipt.serverTime) : undefined;
      // SWR's clock stamps its records, so its Date header is the better trigger time (§9.3).
      const submittedAt = serverTime && !Number.isNaN(serverTime.getTime()) ? serverTime : startedAt;
      changes = marked.map((task): TaskChange => ({ task, path: ["submitted"], fields: { submittedAt, swrStatus: null, lastErrorCode: null, lastErrorMessage: null } }));
      // Every chunk is polled at the round's time, so that one poll covers the whole job.
      for (const t of marked) nextChecks.set(t.id, nextPoll);
    } catch (error) {
      if (marked.length > 1 && refusesSomeTag(error)) {
        // SWR refused the whole call, perhaps for one tag (e.g. deleted from the source since): find out tag by tag.
        ctx.log.info(`sync job ${job.id}: SWR refused ${marked.length} tags at once; submitting them one by one`);
        for (const task of marked) await submitChunk([task]);
        return;
      }
      const e = swrCallError(error);
      ctx.log.error(`sync job ${job.id}: sync_images for ${marked.length} tag(s) failed: ${e.message}`);
      // One time for the whole chunk, so that it goes again as one call.
      const tries = Math.max(...marked.map((t) => t.submitTries));
      const retryAt = new Date(ctx.now().getTime() + backoffDelay(tries, config, ctx.random, retryAfterOf(error)));
      changes = marked.map((task): TaskChange => {
        const again = isRetryable(error) && task.submitTries < config.maxSubmitTries;
        const fields = { lastErrorCode: e.code, lastErrorMessage: e.message, swrStatus: again && isAmbiguous(error) ? SUBMITTING : null };
        nextChecks.set(task.id, again ? retryAt : null);
        if (again) deferUntil = retryAt;
        return { task, path: [again ? "retrying" : "failed"], fields };
      });
    }
    await applyChanges(ctx.db, job.id, ctx.owner, changes, ctx.now());
  };
  for (const part of chunk(tasks.filter((t) => !landed.includes(t)), config.chunkSize)) await submitChunk(part);
}

/** A definite refusal of the request's content (400/404), which may concern only some of its tags. */
function refusesSomeTag(error: unknown): boolean {
  return error instanceof SwrError && error.kind === "http" && (error.status === 400 || error.status === 404);
}
