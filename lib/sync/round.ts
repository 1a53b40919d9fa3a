import "server-only";
import { eachLimited, groupBy } from "@/lib/collections";
import { digestsOf, walkTargetTags } from "@/lib/compare/walk";
import { SwrError } from "@/lib/swr/errors";
import { isRetryable, retryDelay } from "@/lib/swr/retry";
import type { RoundContext } from "./context";
import { engineRetryPolicy } from "./config";
import { decideTask, type DecideOptions, type TargetView, wantsVerification } from "./decide";
import { readCoversWindow } from "./landing";
import { RoundReads } from "./round-reads";
import { swrCallError, type TaskError } from "./messages";
import { parseRecordCursors, type RecordCursor, type RecordCursors, RecordIndex, readRecordsSince, recordQuery, type SwrSyncRecord } from "./records";
import { type Claim, type EngineJob, type EngineTask, type HeldCalls, loadActiveTasks, type RoundEnd, SUBMITTING, type TaskEnd, writeRoundProgress } from "./store";
import { type SubmitOutcome, submitTasks } from "./submit";

// One round of one job: per source repository, one read of SWR's records serves the watch, the check of
// unanswered calls and the baseline of new submissions; each target repository is listed once, and only
// when some tag is ready for it. A job over many repositories and targets costs calls per group, not per tag.

type RecordsOutcome = ({ ok: true; index: RecordIndex; newestId: string | null; cursor: RecordCursor | null; records: SwrSyncRecord[] } | { ok: false; error: TaskError; retryable: boolean }) & {
  /** When the read began: it shows the calls that could no longer land by then. */
  startedAt: Date;
};

/** Tags read of each target repository. */
const TARGET_TAGS = 200_000;
const SMALL_RECORD_PAGE = 100;
/** Repositories of one job whose records (or target tags) are read at once. */
const READS_AT_ONCE = 4;

/** One repository's records since `since`, continuing from its cursor. */
async function readRecords(ctx: RoundContext, job: EngineJob, repository: string, since: Date, cursor: RecordCursor | null): Promise<RecordsOutcome> {
  const repo = { sourceRegion: job.sourceRegion, sourceNamespace: job.sourceNamespace, sourceRepository: repository };
  const read = () => readRecordsSince(ctx.swr, repo, since, cursor, { pageSize: ctx.recordPage.size, maxPages: ctx.config.maxRecordPages });
  const startedAt = ctx.now();
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
    return { ok: true, index: new RecordIndex(got.records), newestId: got.newestId, cursor: got.cursor, records: got.records, startedAt };
  } catch (error) {
    ctx.log.error({ repository }, `reading SWR's sync records failed: ${swrCallError(error).message}`);
    return { ok: false, error: swrCallError(error), retryable: isRetryable(error), startedAt };
  }
}

/** Every tag of the target repository (same name as the source); a missing repository has none. */
async function readTarget(ctx: RoundContext, group: TaskGroup): Promise<{ target: TargetView; error?: TaskError }> {
  try {
    const place = { region: group.targetRegion, namespace: group.targetNamespace, repository: group.repository };
    return { target: { listed: true, digests: digestsOf(await walkTargetTags(ctx.swr, place, TARGET_TAGS)) } };
  } catch (error) {
    ctx.log.error({ repository: group.repository, targetRegion: group.targetRegion }, `listing the target's tags failed: ${swrCallError(error).message}`);
    return { target: { listed: false }, error: swrCallError(error) };
  }
}

const minTime = (dates: readonly (Date | null | undefined)[]): Date | null => {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
};

/** One repository and one target of a job: the tasks that share an SWR records list and a target repository. */
interface TaskGroup {
  repository: string;
  targetRegion: string;
  targetNamespace: string;
}

const groupKey = (t: TaskGroup) => `${t.repository}\u0000${t.targetRegion}\u0000${t.targetNamespace}`;

/** Submitted tasks of one repository: SWR's records and, when a tag is ready, its target decide which have ended. */
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
  const seen = watched.map((task) => ({ task, record: records.ok ? records.index.match(recordQuery(task, task.submittedAt, config.recordSkewMs, task.swrPriorJobId)) : undefined }));
  // SWR moving a record on (waiting → running) is progress, although no task changes state.
  const moved = seen.some(({ record }) => record !== undefined && Date.parse(record.updatedAt) > job.progressAt.getTime());
  const ends: TaskEnd[] = [];
  // Each target is listed once, and only when one of its tags is ready for a look.
  for (const group of groupBy(seen, ({ task }) => groupKey(task)).values()) {
    const first = group[0]!.task;
    let target: TargetView = { listed: false };
    const groupOptions = { ...options };
    if (group.some(({ task, record }) => wantsVerification(task, record, options))) {
      const read = await readTarget(ctx, first);
      target = read.target;
      groupOptions.roundError ??= read.error;
    }
    const where = { targetRegion: first.targetRegion, targetNamespace: first.targetNamespace, override: job.override };
    for (const { task, record } of group) {
      const d = decideTask(task, record, target, where, groupOptions);
      if (d.kind === "end") ends.push({ id: task.id, status: d.status, fields: d.fields });
    }
  }
  return { ends, moved };
}

/**
 * Tasks whose sync_images call went unanswered (or whose holder stopped mid-round) that SWR shows records for.
 * The calls of a holder that stopped without writing them down may still land until `slackMs` after this round
 * began (that holder stopped before the job could be claimed): tasks not found are held until then, as calls
 * without an answer, and looked for again.
 */
function findLanded(ctx: RoundContext, tasks: readonly EngineTask[], records: RecordsOutcome, mark: Date | null, now: Date) {
  const skew = ctx.config.recordSkewMs;
  const unanswered = tasks.filter((t) => t.swrStatus === SUBMITTING);
  const unwritten = mark ? tasks.filter((t) => t.swrStatus !== SUBMITTING && (t.status === "queued" || t.status === "retrying")) : [];
  const landedUnanswered = records.ok ? unanswered.filter((t) => records.index.match(recordQuery(t, t.submittedAt, skew, t.swrPriorJobId))) : [];
  const landedUnwritten = records.ok ? unwritten.filter((t) => records.index.match(recordQuery(t, mark, skew, t.swrPriorJobId))) : [];
  const found = new Set(landedUnwritten.map((t) => t.id));
  const held: HeldCalls[] = mark
    ? [{ ids: unwritten.filter((t) => !found.has(t.id)).map((t) => t.id), submittedAt: mark, nextCheckAt: new Date(now.getTime() + ctx.config.landingSlackMs) }].filter((h) => h.ids.length > 0)
    : [];
  return {
    landed: [
      { ids: landedUnanswered.map((t) => t.id), submittedAt: null },
      { ids: landedUnwritten.map((t) => t.id), submittedAt: mark },
    ].filter((l) => l.ids.length > 0),
    held,
    // Without the records a lost call cannot be told from none: those wait until SWR lists its records again.
    unsettled: records.ok ? ([] as string[]) : unanswered.map((t) => t.id),
  };
}

interface RepositoryRound {
  records: RecordsOutcome;
  ends: TaskEnd[];
  moved: boolean;
  landed: { ids: string[]; submittedAt: Date | null }[];
  held: HeldCalls[];
  unsettled: string[];
}

/** One repository's share of the round: one read of its records serves the watch, the lost calls and the baseline. */
async function workRepository(ctx: RoundContext, claim: Claim, repository: string, tasks: readonly EngineTask[], cursor: RecordCursor | null, now: Date): Promise<RepositoryRound> {
  const { job } = claim;
  const watched = tasks.filter((t) => t.status === "submitted");
  const since = minTime([...watched.map((t) => t.submittedAt), ...tasks.filter((t) => t.swrStatus === SUBMITTING).map((t) => t.submittedAt), claim.inheritedMark, now])!;
  const records = await readRecords(ctx, job, repository, new Date(since.getTime() - ctx.config.recordSkewMs), cursor);
  const { ends, moved } = watched.length > 0 ? await watch(ctx, job, watched, records, now) : { ends: [], moved: false };
  return { records, ends, moved, ...findLanded(ctx, tasks, records, claim.inheritedMark, now) };
}

/** The debug line of each watch pass (tests count them). */
export const WATCH_PASS_LOG = "watched the job's tags while its calls are out";

/** What a round has settled but not yet written. */
interface Settled {
  ends: TaskEnd[];
  landed: { ids: string[]; submittedAt: Date | null }[];
  held: HeldCalls[];
}

const nothingSettled = (): Settled => ({ ends: [], landed: [], held: [] });
const hasSettled = (s: Settled) => s.ends.length > 0 || s.landed.length > 0 || s.held.length > 0;

/**
 * The job's submitted tags, watched again while its sync_images calls are still out: a chunk SWR is slow to
 * answer (or never answers) holds up neither the tags already with SWR nor the page showing them. Each pass
 * reads the records of the repositories with watched tags, lists a target only when a tag is ready for it, and
 * writes what ended at once. False when the lease was lost.
 */
async function watchPass(ctx: RoundContext, claim: Claim, cursors: RecordCursors, reads: RoundReads): Promise<{ written: boolean; ended: number }> {
  const { job } = claim;
  const now = ctx.now();
  const watched = await loadActiveTasks(ctx.db, job.id, ["submitted"]);
  const ends: TaskEnd[] = [];
  const byRepository = groupBy(watched, (t) => t.repository);
  // Repositories with submitted tags, and those a failed chunk waits for a read of (lib/sync/round-reads.ts).
  const wanted = new Map(reads.wantedReads());
  const repositories = [...new Set([...byRepository.keys(), ...wanted.keys()])];
  await eachLimited(repositories, READS_AT_ONCE, async (repository) => {
    const repoTasks = byRepository.get(repository) ?? [];
    const since = minTime([...repoTasks.map((t) => t.submittedAt), wanted.get(repository), now])!;
    const records = await readRecords(ctx, job, repository, new Date(since.getTime() - ctx.config.recordSkewMs), cursors[repository] ?? null);
    // A failed read settles nothing here: the round's end and the next round deal with it as always.
    if (!records.ok) return;
    reads.record(repository, { startedAt: records.startedAt, index: records.index });
    if (repoTasks.length > 0) ends.push(...(await watch(ctx, job, repoTasks, records, now)).ends);
  });
  ctx.log.debug({ watched: watched.length, ended: ends.length }, WATCH_PASS_LOG);
  if (ends.length === 0) return { written: true, ended: 0 };
  const written = await writeRoundProgress(ctx.db, job.id, ctx.owner, { ends, landed: [], held: [] }, ctx.now());
  return { written, ended: ends.length };
}

/**
 * Submits the due tasks and, every poll interval while calls are still out, watches the job's submitted tags
 * (watchPass). Returns the submission's outcome, what the round settled that is still to write, and how many
 * tags ended meanwhile.
 */
async function submitAndWatch(
  ctx: RoundContext,
  claim: Claim,
  due: readonly EngineTask[],
  baselines: ReadonlyMap<string, string | null>,
  cursors: RecordCursors,
  settled: Settled,
  reads: RoundReads,
): Promise<{ submission: SubmitOutcome; settled: Settled; endedMeanwhile: number }> {
  let done = false;
  const submitting = submitTasks(ctx, claim.job, due, baselines, reads).finally(() => {
    done = true;
  });
  let endedMeanwhile = 0;
  // Stop watching (not submitting) once the lease is lost or a pass failed.
  let lost = false;
  // What the round's own reads settled is written while its first calls go out, not after the first watch pass: the
  // passes then have nothing of the round's to carry (or, when this write failed, do not run).
  if (hasSettled(settled)) {
    try {
      if (await writeRoundProgress(ctx.db, claim.job.id, ctx.owner, settled, ctx.now())) {
        endedMeanwhile += settled.ends.length;
        settled = nothingSettled();
      } else lost = true;
    } catch (error) {
      ctx.log.error({ err: error }, "writing what the round's reads settled failed; the round's end writes it");
      lost = true;
    }
  }
  while (!done && !lost && ctx.alive()) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([submitting.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ctx.config.pollMs)))]);
    clearTimeout(timer);
    if (done || !ctx.alive()) break;
    try {
      const pass = await watchPass(ctx, claim, cursors, reads);
      if (pass.written) endedMeanwhile += pass.ended;
      else lost = true;
    } catch (error) {
      // The round still waits for its calls and writes them down: a job let go with calls out could be sent twice.
      ctx.log.error({ err: error }, "watching the job's tags while its calls are out failed; the round's end watches them");
      lost = true;
    }
  }
  return { submission: await submitting, settled, endedMeanwhile };
}

/** Works one claimed job once; what to write at its end is returned, not written (except what ends while its calls are out). */
export async function workRound(ctx: RoundContext, claim: Claim): Promise<RoundEnd> {
  const { job } = claim;
  const { config } = ctx;
  const now = ctx.now();
  const tasks = await loadActiveTasks(ctx.db, job.id);
  const byRepository = groupBy(tasks, (t) => t.repository);
  const cursors = parseRecordCursors(job.recordCursor, job.sourceRepository);
  const rounds = new Map<string, RepositoryRound>();
  const isDue = (t: EngineTask) => t.status === "queued" || (t.status === "retrying" && (!t.nextCheckAt || t.nextCheckAt <= now));
  // A repository whose tasks all wait for a later retry needs no read this round.
  const needsRead = (repoTasks: readonly EngineTask[]) =>
    repoTasks.some((t) => t.status === "submitted" || t.swrStatus === SUBMITTING || isDue(t) || (claim.inheritedMark !== null && (t.status === "queued" || t.status === "retrying")));
  const toRead = [...byRepository].filter(([, repoTasks]) => needsRead(repoTasks)).map(([repository]) => repository);
  await eachLimited(toRead, READS_AT_ONCE, async (repository) => {
    rounds.set(repository, await workRepository(ctx, claim, repository, byRepository.get(repository)!, cursors[repository] ?? null, now));
  });
  const all = [...rounds.values()];
  const failedReads = all.filter((r) => !r.records.ok).length;
  if (failedReads > 0) ctx.pollFailures.set(job.id, (ctx.pollFailures.get(job.id) ?? 0) + 1);
  else ctx.pollFailures.delete(job.id);

  const ends = all.flatMap((r) => r.ends);
  const landed = all.flatMap((r) => r.landed);
  const landedIds = new Set(landed.flatMap((l) => l.ids));
  const held = all.flatMap((r) => r.held);
  const unsettled = new Set([...all.flatMap((r) => r.unsettled), ...held.flatMap((h) => h.ids)]);
  const baselines = new Map([...rounds].map(([repository, r]) => [repository, r.records.ok ? r.records.newestId : null]));
  // A call that may have reached SWR is made again only when this round's read of the records began after it could
  // land (its task's nextCheckAt is never earlier) and does not show it.
  const provenUnlanded = (t: EngineTask) => t.swrStatus !== SUBMITTING || readCoversWindow(t.nextCheckAt, rounds.get(t.repository)!.records.startedAt);
  const due = tasks.filter((t) => rounds.has(t.repository) && !landedIds.has(t.id) && !unsettled.has(t.id) && isDue(t) && provenUnlanded(t));
  let settled: Settled = { ends, landed, held };
  let endedMeanwhile = 0;
  let submission: SubmitOutcome = { submitted: 0, leftover: due.length > 0, deferUntil: null, retryTimes: [] };
  // The round's reads so far; a refused chunk goes out again once a later one shows it did not land.
  const reads = new RoundReads(config.recordSkewMs);
  for (const [repository, r] of rounds) if (r.records.ok) reads.record(repository, { startedAt: r.records.startedAt, index: r.records.index });
  if (due.length > 0 && ctx.alive()) ({ submission, settled, endedMeanwhile } = await submitAndWatch(ctx, claim, due, baselines, cursors, settled, reads));

  const failures = ctx.pollFailures.get(job.id) ?? 0;
  const pollDelay = failures > 0 ? Math.max(config.pollMs, retryDelay(failures, engineRetryPolicy(config), ctx.random, undefined)) : config.pollMs;
  const watchedCount = tasks.filter((t) => t.status === "submitted").length;
  const stillWatched = watchedCount - ends.length + landedIds.size + submission.submitted > 0;
  const waiting = tasks.filter((t) => t.status === "retrying" && t.nextCheckAt && t.nextCheckAt > now).map((t) => t.nextCheckAt);
  const nextRoundAt = minTime([
    stillWatched ? new Date(now.getTime() + pollDelay) : null,
    all.some((r) => r.unsettled.length > 0) ? new Date(now.getTime() + pollDelay) : null,
    ...held.map((h) => h.nextCheckAt),
    submission.leftover ? (submission.deferUntil ?? ctx.now()) : null,
    ...waiting,
    ...submission.retryTimes,
  ]);
  const readCursors = [...rounds].filter(([, r]) => r.records.ok).map(([repository, r]) => [repository, r.records.ok ? r.records.cursor : null] as const);
  const recordCursor = readCursors.length === 0 ? undefined : mergeCursors(cursors, readCursors, byRepository);
  return {
    ...settled,
    nextRoundAt,
    progressed: all.some((r) => r.moved) || ends.length > 0 || landedIds.size > 0 || submission.submitted > 0 || endedMeanwhile > 0,
    recordCursor,
  };
}

/** The stored cursors with this round's reads; repositories with no unfinished task left drop out. */
function mergeCursors(stored: RecordCursors, read: readonly (readonly [string, RecordCursor | null])[], active: ReadonlyMap<string, unknown>): RecordCursors {
  const out: RecordCursors = {};
  for (const [repository, cursor] of Object.entries(stored)) if (active.has(repository)) out[repository] = cursor;
  for (const [repository, cursor] of read) {
    if (cursor) out[repository] = cursor;
    else delete out[repository];
  }
  return out;
}
