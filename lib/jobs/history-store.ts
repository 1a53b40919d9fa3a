import "server-only";
import { db } from "@/lib/db/client";
import { elapsedMsSql } from "@/lib/db/elapsed";
import { UTC } from "@/lib/time-zone";
import { Prisma } from "@/prisma/generated/postgres/client";
import type { JobHistoryStats } from "./dto";
import { emptyOutcomeCounts, endedJobs, historyWindow, nearestRank, outcomeOf, sumOutcomes, TOP_FAILURES, type HistoryWindow } from "./history";
import { isJobStatus } from "./states";
import { taskErrorDto } from "./store";

// The history at a glance, from grouped queries over the jobs started in the window (and their tasks): the database
// counts and ranks, and only sums and a few rows come back, however many jobs there are.

const PERCENTILES = { p50Ms: 50, p95Ms: 95 } as const;

/** Raw counts arrive as BigInt (COUNT, CAST … AS INTEGER) or number, depending on the database. */
const toNumber = (v: bigint | number) => Number(v);

/** Jobs per local day and status: each job's day is the last day start at or before its creation. */
async function countDaily(w: HistoryWindow): Promise<JobHistoryStats["daily"]> {
  // Day numbers are written into the SQL (our own integers), so PostgreSQL types the CASE as an integer.
  const int = (n: number) => Prisma.raw(String(Math.trunc(n)));
  const later = w.starts.slice(1).map((start, i) => Prisma.sql`WHEN "createdAt" < ${start} THEN ${int(i)}`);
  const dayIndex = later.length > 0 ? Prisma.sql`CASE ${Prisma.join(later, " ")} ELSE ${int(later.length)} END` : int(0);
  const rows = await db().$queryRaw<{ day: bigint | number; status: string; jobs: bigint | number }[]>`
    SELECT ${dayIndex} AS "day", "status", COUNT(*) AS "jobs" FROM "SyncJob"
    WHERE "createdAt" >= ${w.from} AND "createdAt" < ${w.to}
    GROUP BY 1, "status"`;
  const daily = w.days.map((day) => ({ day, ...emptyOutcomeCounts() }));
  for (const row of rows) {
    const entry = daily[toNumber(row.day)];
    if (entry && isJobStatus(row.status)) entry[outcomeOf(row.status)] += toNumber(row.jobs);
  }
  return daily;
}

/** The 50th and 95th percentile of finished jobs' durations, ranked by the database: two rows come back, not every job. */
async function durationPercentiles(w: HistoryWindow): Promise<JobHistoryStats["duration"]> {
  const elapsed = elapsedMsSql(`"createdAt"`, `"finishedAt"`);
  // The nearest rank (./history.ts) in integers: rank × 100 ≥ percent × jobs > (rank − 1) × 100.
  const at = (percent: number) => Prisma.raw(`("rank" * 100 >= ${percent} * "jobs" AND ("rank" - 1) * 100 < ${percent} * "jobs")`);
  const rows = await db().$queryRaw<{ rank: bigint | number; jobs: bigint | number; ms: bigint | number }[]>`
    SELECT "rank", "jobs", "ms" FROM (
      SELECT ${elapsed} AS "ms", ROW_NUMBER() OVER (ORDER BY ${elapsed}) AS "rank", COUNT(*) OVER () AS "jobs"
      FROM "SyncJob"
      WHERE "createdAt" >= ${w.from} AND "createdAt" < ${w.to} AND "finishedAt" IS NOT NULL
    ) AS "ranked"
    WHERE ${at(PERCENTILES.p50Ms)} OR ${at(PERCENTILES.p95Ms)}`;
  const jobs = rows[0] ? toNumber(rows[0].jobs) : 0;
  const valueAt = (percent: number) => {
    const row = rows.find((r) => toNumber(r.rank) === nearestRank(percent, jobs));
    return row ? Math.max(0, toNumber(row.ms)) : null;
  };
  return { jobs, p50Ms: valueAt(PERCENTILES.p50Ms), p95Ms: valueAt(PERCENTILES.p95Ms) };
}

const inWindow = (w: HistoryWindow) => ({ job: { createdAt: { gte: w.from, lt: w.to } } });

async function tagsPerRegion(w: HistoryWindow): Promise<JobHistoryStats["tagsPerRegion"]> {
  const groups = await db().syncTask.groupBy({ by: ["targetRegion"], where: { status: "succeeded", ...inWindow(w) }, _count: { _all: true } });
  return groups
    .map((g) => ({ region: g.targetRegion, tags: g._count._all }))
    .sort((a, b) => b.tags - a.tags || a.region.localeCompare(b.region));
}

/** The most frequent codes of failed tags (ties by code), each with one of its tags' errors as the sample. */
async function topFailures(w: HistoryWindow): Promise<JobHistoryStats["failures"]> {
  const where = { status: "failed", lastErrorCode: { not: null }, ...inWindow(w) } as const;
  const groups = await db().syncTask.groupBy({
    by: ["lastErrorCode"],
    where,
    _count: { lastErrorCode: true },
    orderBy: [{ _count: { lastErrorCode: "desc" } }, { lastErrorCode: "asc" }],
    take: TOP_FAILURES,
  });
  // One sample per code, read whole so the browser renders it from the catalog (lastErrorMsg) in the reader's language.
  const samples = await Promise.all(
    groups.map((g) =>
      db().syncTask.findFirst({
        where: { ...where, lastErrorCode: g.lastErrorCode },
        orderBy: { id: "desc" },
        select: { lastErrorCode: true, lastErrorMessage: true, lastErrorMsg: true },
      }),
    ),
  );
  return groups.map((g, i) => {
    const sample = samples[i];
    const error = sample ? taskErrorDto(sample) : null;
    return { ...(error ?? { message: "" }), code: g.lastErrorCode ?? "", tags: g._count?.lastErrorCode ?? 0 };
  });
}

/** Jobs started in the last `days` local days of `timeZone` (today included), at `now`. */
export async function getJobHistoryStats(days: number, timeZone = UTC, now = new Date()): Promise<JobHistoryStats> {
  const w = historyWindow(days, timeZone, now);
  const [daily, duration, regions, failures] = await Promise.all([countDaily(w), durationPercentiles(w), tagsPerRegion(w), topFailures(w)]);
  const totals = sumOutcomes(daily);
  return {
    days,
    timeZone,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    daily,
    success: { succeeded: totals.succeeded, ended: endedJobs(totals) },
    duration,
    tagsPerRegion: regions,
    failures,
  };
}
