import { SwrError } from "@/lib/swr/errors";
import type { SyncJob } from "@/prisma/generated/postgres/client";
import { decideTask, type DecideOptions, type TargetView, wantsVerification, type WatchedTask } from "./decide";
import { swrCallError, type TaskError } from "./messages";
import { matchRecord } from "./records";
import type { NextChecks, RecordsRead, RoundContext } from "./round";
import { isTerminal } from "./states";
import { applyChanges, type SyncTask, taskStateOf, type TaskChange } from "./task-store";

// Watch and verify per job, not per tag: one record read (done by the round) and at most one target listing.

const TARGET_WALK = { pageSize: 1000, maxItems: 100_000 };

function toWatched(t: SyncTask): WatchedTask {
  const status = taskStateOf(t);
  if (status !== "submitted" && status !== "syncing" && status !== "verifying") throw new Error(`task ${t.id} is ${status}, not watched`);
  return { tag: t.tag, status, sourceDigest: t.sourceDigest, swrJobId: t.swrJobId, swrStatus: t.swrStatus, progressAt: t.progressAt, lastErrorMessage: t.lastErrorMessage };
}

/** Every tag of the target repository (same name as the source, §11 #16); a missing repository has none. */
async function readTarget(ctx: RoundContext, job: SyncJob): Promise<{ target: TargetView; error?: TaskError }> {
  try {
    const all = await ctx.swr.listAllTags(job.targetRegion, job.targetNamespace, job.sourceRepository, {}, TARGET_WALK);
    return { target: { listed: true, digests: new Map(all.items.map((t) => [t.Tag, t.digest])) } };
  } catch (error) {
    if (error instanceof SwrError && error.status === 404) return { target: { listed: true, digests: new Map() } };
    ctx.log.error(`sync job ${job.id}: listing the target's tags failed: ${swrCallError(error).message}`);
    return { target: { listed: false }, error: swrCallError(error) };
  }
}

export async function watchTasks(ctx: RoundContext, job: SyncJob, tasks: readonly SyncTask[], read: RecordsRead, nextChecks: NextChecks, nextPoll: Date): Promise<void> {
  const now = ctx.now();
  const { config } = ctx;
  const options: DecideOptions = {
    now,
    // While SWR fails to list its records, "no record yet" means nothing; if it refuses for good, the target decides (§11 #2).
    recordWindowMs: read.ok || !read.retryable ? config.recordWindowMs : Number.POSITIVE_INFINITY,
    noProgressMs: config.noProgressMs,
    roundError: read.ok ? undefined : read.error,
  };
  const watched = tasks.map((task) => {
    const record = read.ok
      ? matchRecord(read.records, {
          tag: task.tag,
          targetRegion: job.targetRegion,
          targetNamespace: job.targetNamespace,
          since: task.submittedAt ? new Date(task.submittedAt.getTime() - config.recordSkewMs) : undefined,
          priorId: task.swrPriorJobId,
        })
      : undefined;
    return { task, view: toWatched(task), record };
  });

  let target: TargetView = { listed: false };
  if (watched.some((w) => wantsVerification(w.view, w.record, options))) {
    const result = await readTarget(ctx, job);
    target = result.target;
    options.roundError ??= result.error;
  }

  const changes = watched.map(({ task, view, record }): TaskChange => {
    const decision = decideTask(view, record, target, job, options);
    return decision.kind === "move"
      ? { task, path: decision.path, fields: decision.fields }
      : { task, path: [], fields: decision.fields, progressed: decision.progressed };
  });
  const moved = await applyChanges(ctx.db, job.id, ctx.owner, changes, now);
  for (const t of tasks) {
    const state = moved.get(t.id) ?? taskStateOf(t);
    nextChecks.set(t.id, isTerminal(state) ? null : nextPoll);
  }
}
