import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { JobHistoryStats, JobPage, JobStats } from "@/lib/jobs/dto";
import { HISTORY_OUTCOMES, nearestRank, outcomeOf } from "@/lib/jobs/history";
import type { JobStatus, TaskState } from "@/lib/jobs/states";
import { dayIn } from "@/lib/time-zone";
import { actAs, callRoute, createTestUser, insertJob, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET as listJobs } from "../route";
import { GET as getStats } from "./route";

vi.mock("@/lib/auth/session-cookie");

// The history at a glance (GET /api/jobs/stats?days=&tz=): every figure is checked against what the seeded rows imply,
// counted here in plain code, on whichever database the suite runs against.

setUpApiTests();

// Noon in Shanghai on 31 May 2024: the 30-day window there runs from Shanghai's 2 May (16:00 UTC on 1 May) to its 31 May.
const NOW = new Date("2024-05-31T04:00:00Z");
const SECOND = 1_000;

interface SeedJob {
  name: string;
  createdAt: string;
  targetRegion: string;
  /** Tag → state, and for failed ones (or `retrying`) the error code. */
  tasks: Record<string, TaskState | [TaskState, string]>;
  /** From creation to finish; none while unfinished. */
  durationMs?: number;
}

const SEED: SeedJob[] = [
  { name: "late on 30 May in Shanghai", createdAt: "2024-05-30T15:30:00Z", targetRegion: "ap-southeast-1", tasks: { a: "succeeded", b: "succeeded" }, durationMs: 60 * SECOND },
  // 00:30 on 31 May in Shanghai, still 30 May in UTC.
  { name: "past midnight in Shanghai", createdAt: "2024-05-30T16:30:00Z", targetRegion: "cn-east-3", tasks: { a: "succeeded" }, durationMs: 120 * SECOND },
  {
    name: "partly failed",
    createdAt: "2024-05-20T02:00:00Z",
    targetRegion: "ap-southeast-1",
    tasks: { a: "succeeded", b: ["failed", "swr_failed"], c: ["failed", "no_progress"] },
    durationMs: 300 * SECOND,
  },
  {
    name: "failed",
    createdAt: "2024-05-20T03:00:00Z",
    targetRegion: "cn-south-1",
    tasks: { a: ["failed", "swr_failed"], b: ["failed", "swr_failed"], c: ["failed", "swr_failed"] },
    durationMs: 30 * SECOND,
  },
  {
    name: "failed with many codes",
    createdAt: "2024-05-25T00:00:00Z",
    targetRegion: "cn-south-1",
    tasks: { a: ["failed", "http_500"], b: ["failed", "http_500"], c: ["failed", "target_differs"], d: ["failed", "a_code"], e: ["failed", "z_code"] },
    durationMs: 45 * SECOND,
  },
  { name: "cancelled", createdAt: "2024-05-10T00:00:00Z", targetRegion: "cn-east-3", tasks: { a: "succeeded", b: "cancelled" }, durationMs: 10 * SECOND },
  // A retrying tag's error is not a failure (yet).
  { name: "running", createdAt: "2024-05-31T01:00:00Z", targetRegion: "cn-east-3", tasks: { a: "submitted", b: ["retrying", "http_503"] } },
  // The first day of Shanghai's window (00:30 on 2 May), the day before UTC's.
  { name: "first Shanghai day", createdAt: "2024-05-01T16:30:00Z", targetRegion: "ap-southeast-1", tasks: { a: ["failed", "digest_mismatch"] }, durationMs: 90 * SECOND },
  // Before either window.
  { name: "too old", createdAt: "2024-05-01T15:00:00Z", targetRegion: "ap-southeast-1", tasks: { a: ["failed", "old_code"], b: "succeeded" }, durationMs: 5 * SECOND },
];

const seeded: (SeedJob & { status: JobStatus })[] = [];

beforeAll(async () => {
  const operator = await createTestUser("operator");
  for (const job of SEED) {
    const states = Object.fromEntries(Object.entries(job.tasks).map(([tag, t]) => [tag, Array.isArray(t) ? t[0] : t]));
    const createdAt = new Date(job.createdAt);
    const { id, status } = await insertJob({ createdById: operator.id, createdAt, targetRegion: job.targetRegion, tasks: states });
    await db().syncJob.update({ where: { id }, data: { finishedAt: job.durationMs === undefined ? null : new Date(createdAt.getTime() + job.durationMs) } });
    for (const [tag, t] of Object.entries(job.tasks)) {
      if (Array.isArray(t)) await db().syncTask.updateMany({ where: { jobId: id, tag }, data: { lastErrorCode: t[1], lastErrorMessage: `${tag} failed with ${t[1]}`, lastErrorMsg: JSON.stringify({ key: "taskErrors.sample", params: { tag, code: t[1] } }) } });
    }
    seeded.push({ ...job, status });
  }
  actAs(await createTestUser("viewer"));
});

afterEach(() => {
  vi.useRealTimers();
});

async function history(query: string): Promise<JobHistoryStats> {
  vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  const { status, body } = await jsonOf(await callRoute(getStats, `/api/jobs/stats?${query}`));
  vi.useRealTimers();
  expect(status).toBe(200);
  const answer = body as JobStats;
  expect(answer.history).toBeDefined();
  return answer.history!;
}

/** What the seeded rows imply for the last `days` days of `timeZone`, counted job by job. */
function expected(days: number, timeZone: string) {
  const today = dayIn(NOW, timeZone);
  const inWindow = seeded.filter((j) => {
    const day = dayIn(new Date(j.createdAt), timeZone);
    const first = dayIn(new Date(NOW.getTime() - (days - 1) * 86_400_000), timeZone);
    return day >= first && day <= today;
  });
  const perDay = new Map<string, Record<string, number>>();
  for (const j of inWindow) {
    const day = dayIn(new Date(j.createdAt), timeZone);
    const counts = perDay.get(day) ?? {};
    counts[outcomeOf(j.status)] = (counts[outcomeOf(j.status)] ?? 0) + 1;
    perDay.set(day, counts);
  }
  const durations = inWindow.flatMap((j) => (j.durationMs === undefined ? [] : [j.durationMs])).sort((a, b) => a - b);
  const regions = new Map<string, number>();
  const codes = new Map<string, number>();
  for (const j of inWindow) {
    for (const t of Object.values(j.tasks)) {
      if (t === "succeeded") regions.set(j.targetRegion, (regions.get(j.targetRegion) ?? 0) + 1);
      if (Array.isArray(t) && t[0] === "failed") codes.set(t[1], (codes.get(t[1]) ?? 0) + 1);
    }
  }
  const count = (s: JobStatus) => inWindow.filter((j) => j.status === s).length;
  return {
    perDay,
    success: { succeeded: count("succeeded"), ended: count("succeeded") + count("partially_failed") + count("failed") },
    duration: {
      jobs: durations.length,
      p50Ms: durations[nearestRank(50, durations.length) - 1] ?? null,
      p95Ms: durations[nearestRank(95, durations.length) - 1] ?? null,
    },
    tagsPerRegion: [...regions].map(([region, tags]) => ({ region, tags })).sort((a, b) => b.tags - a.tags || a.region.localeCompare(b.region)),
    failures: [...codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5),
  };
}

describe("GET /api/jobs/stats?days=", () => {
  it.each(["Asia/Shanghai", "UTC"])("counts the jobs of each day of %s by outcome, every day of the window listed", async (timeZone) => {
    const h = await history(`days=30&tz=${encodeURIComponent(timeZone)}`);
    const want = expected(30, timeZone);
    expect(h.days).toBe(30);
    expect(h.timeZone).toBe(timeZone);
    expect(h.daily).toHaveLength(30);
    expect(h.daily.at(-1)?.day).toBe("2024-05-31");
    expect(h.daily[0]?.day).toBe("2024-05-02");
    for (const entry of h.daily) {
      const counts = want.perDay.get(entry.day) ?? {};
      for (const outcome of HISTORY_OUTCOMES) expect(entry[outcome], `${entry.day} ${outcome}`).toBe(counts[outcome] ?? 0);
    }
  });

  it("puts a job in the reader's day: 00:30 in Shanghai is the next day there, the same day in UTC", async () => {
    const shanghai = await history("days=30&tz=Asia%2FShanghai");
    const utc = await history("days=30&tz=UTC");
    const day = (h: JobHistoryStats, d: string) => h.daily.find((e) => e.day === d);
    expect(day(shanghai, "2024-05-30")?.succeeded).toBe(1);
    expect(day(shanghai, "2024-05-31")).toMatchObject({ succeeded: 1, unfinished: 1 });
    expect(day(utc, "2024-05-30")?.succeeded).toBe(2);
    expect(day(utc, "2024-05-31")).toMatchObject({ succeeded: 0, unfinished: 1 });
    // Shanghai's window starts 8 hours before UTC's and so holds the job at 00:30 on its 2 May.
    expect(shanghai.from).toBe("2024-05-01T16:00:00.000Z");
    expect(shanghai.to).toBe("2024-05-31T16:00:00.000Z");
    expect(day(shanghai, "2024-05-02")?.failed).toBe(1);
    expect(utc.from).toBe("2024-05-02T00:00:00.000Z");
    expect(day(utc, "2024-05-02")?.failed).toBe(0);
  });

  it.each(["Asia/Shanghai", "UTC"])("gives the success rate, durations, tags per region and top failures of %s", async (timeZone) => {
    const h = await history(`days=30&tz=${encodeURIComponent(timeZone)}`);
    const want = expected(30, timeZone);
    expect(h.success).toEqual(want.success);
    expect(h.duration).toEqual(want.duration);
    expect(h.tagsPerRegion).toEqual(want.tagsPerRegion);
    expect(h.failures.map((f) => [f.code, f.tags])).toEqual(want.failures);
    for (const f of h.failures) {
      // The sample is one of the code's own errors, in English and as the catalog message the browser renders.
      expect(f.message).toMatch(new RegExp(`failed with ${f.code}$`));
      expect(f).toMatchObject({ key: "taskErrors.sample", params: { code: f.code } });
    }
  });

  it("reads as the seeded rows say, in numbers", async () => {
    const h = await history("days=30&tz=Asia%2FShanghai");
    // Succeeded: 2; partially failed: 1; failed: 3 (cancelled and running aside).
    expect(h.success).toEqual({ succeeded: 2, ended: 6 });
    // 10, 30, 45, 60, 90, 120, 300 s: the 4th and the 7th.
    expect(h.duration).toEqual({ jobs: 7, p50Ms: 60_000, p95Ms: 300_000 });
    expect(h.tagsPerRegion).toEqual([
      { region: "ap-southeast-1", tags: 3 },
      { region: "cn-east-3", tags: 2 },
    ]);
    expect(h.failures.map((f) => `${f.code}:${f.tags}`)).toEqual(["swr_failed:4", "http_500:2", "a_code:1", "digest_mismatch:1", "no_progress:1"]);
    const utc = await history("days=30");
    expect(utc.timeZone).toBe("UTC");
    expect(utc.duration).toEqual({ jobs: 6, p50Ms: 45_000, p95Ms: 300_000 });
  });

  it("narrows to the last days asked for", async () => {
    const h = await history("days=1&tz=Asia%2FShanghai");
    expect(h.daily).toEqual([{ day: "2024-05-31", succeeded: 1, partially_failed: 0, failed: 0, cancelled: 0, unfinished: 1 }]);
    expect(h.duration).toEqual({ jobs: 1, p50Ms: 120_000, p95Ms: 120_000 });
    expect(h.failures).toEqual([]);
    expect(h.tagsPerRegion).toEqual([{ region: "cn-east-3", tags: 1 }]);
  });

  it("has no figures for a window without jobs", async () => {
    vi.useFakeTimers({ now: new Date("2030-01-01T00:00:00Z"), toFake: ["Date"] });
    const { body } = await jsonOf(await callRoute(getStats, "/api/jobs/stats?days=7"));
    vi.useRealTimers();
    const h = (body as JobStats).history!;
    expect(h.daily).toHaveLength(7);
    expect(h.daily.every((d) => HISTORY_OUTCOMES.every((o) => d[o] === 0))).toBe(true);
    expect(h).toMatchObject({ success: { succeeded: 0, ended: 0 }, duration: { jobs: 0, p50Ms: null, p95Ms: null }, tagsPerRegion: [], failures: [] });
  });

  it("answers the counts alone without `days`", async () => {
    const { status, body } = await jsonOf(await callRoute(getStats, "/api/jobs/stats"));
    expect(status).toBe(200);
    expect(body).not.toHaveProperty("history");
    expect((body as JobStats).counts.succeeded).toBe(2);
  });

  it.each([
    ["days=0", "days"],
    ["days=91", "days"],
    ["days=1.5", "days"],
    ["days=week", "days"],
    ["days=30&tz=Mars%2FOlympus", "tz"],
  ])("answers 400 for %s", async (qs, field) => {
    const res = await jsonOf(await callRoute(getStats, `/api/jobs/stats?${qs}`));
    expect(res).toMatchObject({ status: 400, body: { error: { code: "validation_failed", fields: { [field]: [expect.any(String)] } } } });
  });

  it("answers 401 without a session", async () => {
    actAs(null);
    try {
      const res = await jsonOf(await callRoute(getStats, "/api/jobs/stats?days=30"));
      expect(res).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    } finally {
      actAs(await createTestUser("viewer"));
    }
  });
});

describe("GET /api/jobs?failureCode=", () => {
  const names = async (query: string) => {
    const { status, body } = await jsonOf(await callRoute(listJobs, `/api/jobs?${query}`));
    expect(status).toBe(200);
    return (body as JobPage).items.map((j) => SEED.find((s) => new Date(s.createdAt).toISOString() === j.createdAt)?.name).sort();
  };

  it("finds the jobs with a tag that failed with the code", async () => {
    expect(await names("failureCode=swr_failed")).toEqual(["failed", "partly failed"]);
    expect(await names("failureCode=digest_mismatch")).toEqual(["first Shanghai day"]);
    // A retrying tag has not failed.
    expect(await names("failureCode=http_503")).toEqual([]);
  });

  it("combines with the other filters, days in the reader's zone", async () => {
    expect(await names("failureCode=swr_failed&status=failed")).toEqual(["failed"]);
    expect(await names("failureCode=digest_mismatch&from=2024-05-02&to=2024-05-31&tz=Asia%2FShanghai")).toEqual(["first Shanghai day"]);
    expect(await names("failureCode=digest_mismatch&from=2024-05-02&to=2024-05-31&tz=UTC")).toEqual([]);
  });

  it.each(["failureCode=not%20a%20code", `failureCode=${"x".repeat(129)}`])("answers 400 for %s", async (qs) => {
    const res = await jsonOf(await callRoute(listJobs, `/api/jobs?${qs}`));
    expect(res).toMatchObject({ status: 400, body: { error: { code: "validation_failed", fields: { failureCode: [expect.any(String)] } } } });
  });
});
