import "server-only";
import { SwrError } from "@/lib/swr/errors";
import { isRetryable, retryDelay } from "@/lib/swr/retry";
import type { RoundContext } from "./context";
import { engineRetryPolicy } from "./config";
import { decideTask, type DecideOptions, type TargetView, wantsVerification } from "./decide";
import { swrCallError, type TaskError } from "./messages";
import { type RecordCursor, RecordIndex, readRecordsSince, type SwrSyncRecord } from "./records";
import { type Claim, type EngineJob, type EngineTask, loadActiveTasks, type RoundEnd, SUBMITTING, type TaskEnd } from "./store";
import { submitTasks } from "./submit";

// One round of one job: one read of SWR's records serves the watch, the check of unanswered calls and
// the baseline of new submissions; the target is listed once, and only when some tag is ready for it.

type RecordsOutcome = { ok: true; index: RecordIndex; newestId: string | null; cursor: RecordCursor | null; records: SwrSyncRecord[] } | { ok: false; error: TaskError; retryable: boolean };

const TARGET_WALK = { pageSize: 1000, maxItems: 200_000 };
const SMALL_RECORD_PAGE = 100;

function parseCursor(raw: string | null): RecordCursor | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<RecordCursor>;
    return typeof v.before === "string" && typeof v.older === "number" ? { before: v.before, older: v.older } : null;
  } catch {
    return null;
  }
}

async function readRecords(ctx: RoundContext, job: EngineJob, since: Date): Promise<RecordsOutcome> {
  const cursor = parseCursor(job.recordCursor);
  const read = () => readRecordsSince(ctx.swr, job, since, cursor, { pageSize: ctx.recordPage.size, maxPages: ctx.config.maxRecordPages });
  try {
    let got;
    try {
      got = await read();
    } catch (error) {
      // SWR documents no maximum page size for its records; a refusal of a large page means "smaller".
      if (!(error instanceof SwrError && error.status === 400 && ctx.recordPage.size > SMALL_RECORD_PAGE)) throw error;
      ctx.log.info({ refused: ctx.recordPage.size, pageSize: SMALL_RECORD_PAGE }, "SWR refused large sync_job pages; reading smaller ones from now on");
      ctx.recordPage.size = SMALL_RECORD_PAGE;
      got = await read();
    }
    ctx.pollFailures.delete(job.id);
    return { ok: true, index: new RecordIndex(got.records), newestId: got.newestId, cursor: got.cursor, records: got.records };
  } catch (error) {
    ctx.pollFailures.set(job.id, (ctx.pollFailures.get(job.id) ?? 0) + 1);
    ctx.log.error(`reading SWR's sync records failed: ${swrCallError(error).message}`);
    return { ok: false, error: swrCallError(error), retryable: isRetryable(error) };
  }
}

/** Every tag of the target repository (same name as the source); a missing repository has none. */
async function readTarget(ctx: RoundContext, job: EngineJob): Promise<{ target: TargetView; error?: TaskError }> {
  try {
    const all = await ctx.swr.listAllTags(job.targetRegion, job.targetNamespace, job.sourceRepository, {}, TARGET_WALK);
    return { target: { listed: true, digests: new Map(all.items.map((t) => [t.Tag, t.digest])) } };
  } catch (error) {
    if (error instanceof SwrError && error.status === 404) return { target: { listed: true, digests: new Map() } };
    ctx.log.error(`listing the target's tags failed: ${swrCallError(error).message}`);
    return { target: { listed: false }, error: swrCallError(error) };
  }
}

const minTime = (dates: readonly (Date | null | undefined)[]): Date | null => {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
};

/** Submitted tasks: SWR's records and, when a tag is ready, the target decide which have ended. */
async function watch(ctx: RoundContext, job: EngineJob, watched: readonly EngineTask[], records: RecordsOutcome, now: Date): Promise<{ ends: TaskEnd[]; moved: boolean }> {
  const { config } = ctx;
  const options: DecideOptions = {
    now,
    // While SWR fails to list its records, "no record yet" means nothing; if it refuses for good, the target decides.
    recordWindowMs: records.ok || !records.retryable ? config.recordWindowMs : Number.POSITIVE_INFINITY,
    noProgressMs: config.noProgressMs,
    jobProgressAt: job.progressAt,
    roundError: records.ok ? undefined : records.error,
  };
  const seen = watched.map((task) => {
    const record = records.ok
      ? records.index.match({
          tag: task.tag,
          targetRegion: job.targetRegion,
          targetNamespace: job.targetNamespace,
          since: task.submittedAt ? new Date(task.submittedAt.getTime() - config.recordSkewMs) : undefined,
          priorId: task.swrPriorJobId,
        })
      : undefined;
    return { task, record };
  });
  // SWR moving a record on (waiting → running) is progress, although no task changes state.
  const moved = seen.some(({ record }) => record !== undefined && Date.parse(record.updatedAt) > job.progressAt.getTime());
  let target: TargetView = { listed: false };
  if (seen.some(({ task, record }) => wantsVerification(task, record, options))) {
    const read = await readTarget(ctx, job);
    target = read.target;
    options.roundError ??= read.error;
  }
  const ends: TaskEnd[] = [];
  for (const { task, record } of seen) {
    const d = decideTask(task, record, target, job, options);
    if (d.kind === "end") ends.push({ id: task.id, status: d.status, fields: d.fields });
  }
  return { ends, moved };
}

/** Tasks whose sync_images call went unanswered (or whose holder stopped mid-round) that SWR shows records for. */
function findLanded(ctx: RoundContext, job: EngineJob, tasks: readonly EngineTask[], records: RecordsOutcome, mark: Date | null) {
  const skew = ctx.config.recordSkewMs;
  const q = (t: EngineTask, since: Date | null, priorId: string | null) => ({
    tag: t.tag,
    targetRegion: job.targetRegion,
    targetNamespace: job.targetNamespace,
    since: since ? new Date(since.getTime() - skew) : undefined,
    priorId,
  });
  const unanswered = tasks.filter((t) => t.swrStatus === SUBMITTING);
  const unwritten = mark ? tasks.filter((t) => t.swrStatus !== SUBMITTING && (t.status === "queued" || t.status === "retrying")) : [];
  if (!records.ok) return { landed: [], unsettled: new Set([...unanswered, ...unwritten].map((t) => t.id)) };
  const landedUnanswered = unanswered.filter((t) => records.index.match(q(t, t.submittedAt, t.swrPriorJobId)));
  const landedUnwritten = unwritten.filter((t) => records.index.match(q(t, mark, t.swrPriorJobId)));
  return {
    landed: [
      { ids: landedUnanswered.map((t) => t.id), submittedAt: null },
      { ids: landedUnwritten.map((t) => t.id), submittedAt: mark },
    ].filter((l) => l.ids.length > 0),
    unsettled: new Set<string>(),
  };
}

/** Works one claimed job once; what to write at its end is returned, not written. */
export async function workRound(ctx: RoundContext, claim: Claim): Promise<RoundEnd> {
  const { job } = claim;
  const { config } = ctx;
  const now = ctx.now();
  const tasks = await loadActiveTasks(ctx.db, job.id);
  const watched = tasks.filter((t) => t.status === "submitted");
  const since = minTime([...watched.map((t) => t.submittedAt), ...tasks.filter((t) => t.swrStatus === SUBMITTING).map((t) => t.submittedAt), claim.inheritedMark, now])!;
  const records = await readRecords(ctx, job, new Date(since.getTime() - config.recordSkewMs));

  const { ends, moved } = watched.length > 0 ? await watch(ctx, job, watched, records, now) : { ends: [], moved: false };
  const { landed, unsettled } = findLanded(ctx, job, tasks, records, claim.inheritedMark);
  const landedIds = new Set(landed.flatMap((l) => l.ids));

  // Without the records a lost call cannot be told from none: those wait until SWR lists its records again.
  const due = tasks.filter(
    (t) => !landedIds.has(t.id) && !unsettled.has(t.id) && (t.status === "queued" || (t.status === "retrying" && (!t.nextCheckAt || t.nextCheckAt <= now))),
  );
  const submission = due.length > 0 && ctx.alive() ? await submitTasks(ctx, job, due, records.ok ? records.newestId : null) : { submitted: 0, leftover: due.length > 0, deferUntil: null, retryTimes: [] };

  const failures = ctx.pollFailures.get(job.id) ?? 0;
  const pollDelay = failures > 0 ? Math.max(config.pollMs, retryDelay(failures, engineRetryPolicy(config), ctx.random, undefined)) : config.pollMs;
  const stillWatched = watched.length - ends.length + landedIds.size + submission.submitted > 0;
  const waiting = tasks.filter((t) => t.status === "retrying" && t.nextCheckAt && t.nextCheckAt > now).map((t) => t.nextCheckAt);
  const nextRoundAt = minTime([
    stillWatched ? new Date(now.getTime() + pollDelay) : null,
    unsettled.size > 0 ? new Date(now.getTime() + pollDelay) : null,
    submission.leftover ? (submission.deferUntil ?? ctx.now()) : null,
    ...waiting,
    ...submission.retryTimes,
  ]);
  return {
    ends,
    landed,
    nextRoundAt,
    progressed: moved || ends.length > 0 || landedIds.size > 0 || submission.submitted > 0,
    recordCursor: records.ok ? records.cursor : undefined,
  };
}

