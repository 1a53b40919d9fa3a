import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import type { JobDetail, JobPage, JobStats, TaskPage } from "@/lib/jobs/dto";
import { actAs, callRoute, createTestUser, insertJob, jsonOf, setUpApiTests } from "@/test/api-routes";
import type { JobStatus, TaskState } from "@/lib/jobs/states";
import { GET as getJob } from "./[id]/route";
import { GET as getTasks } from "./[id]/tasks/route";
import { GET as exportCsv } from "./export.csv/route";
import { GET as listJobs } from "./route";
import { GET as getStats } from "./stats/route";

vi.mock("@/lib/auth/session-cookie");

// Reading the history: list filters and cursor paging, one job, the overview stats and the CSV export.

setUpApiTests();

const TASK_SETS: Record<JobStatus, Record<string, TaskState>> = {
  queued: { a: "queued", b: "queued" },
  running: { a: "submitted", b: "queued", c: "succeeded" },
  cancelling: { a: "submitted", b: "cancelled" },
  cancelled: { a: "succeeded", b: "cancelled" },
  succeeded: { a: "succeeded" },
  failed: { a: "failed", b: "failed" },
  partially_failed: { a: "succeeded", b: "failed", c: "succeeded" },
};
const STATUSES = Object.keys(TASK_SETS) as JobStatus[];
const BASE = Date.UTC(2024, 4, 1);
const HOUR = 3_600_000;

interface Seeded {
  id: string;
  status: JobStatus;
  createdAt: Date;
  sourceRegion: string;
  targetRegion: string;
  sourceNamespace: string;
  sourceRepository: string;
  targetNamespace: string;
  email: string;
}

let alice: SessionUser;
// An email a spreadsheet would read as a formula.
let formula: SessionUser;
const seeded: Seeded[] = [];

beforeAll(async () => {
  alice = await createTestUser("operator", "alice@example.com");
  formula = await createTestUser("operator", "-2+3@example.com");
  for (let i = 0; i < 30; i++) {
    const fields = {
      // Pairs share a timestamp, so paging must break ties on the ID.
      createdAt: new Date(BASE + Math.floor(i / 2) * 6 * HOUR),
      sourceRegion: i % 2 ? "cn-north-4" : "cn-east-3",
      targetRegion: i % 4 < 2 ? "ap-southeast-1" : "cn-south-1",
      sourceNamespace: i % 5 === 0 ? "team-b" : "team-a",
      sourceRepository: i % 3 ? "nginx" : "apps/web",
      targetNamespace: i % 6 === 0 ? "mirror-c" : "team-a",
    };
    const user = i % 3 === 0 ? formula : alice;
    const status = STATUSES[i % STATUSES.length] ?? "queued";
    const job = await insertJob({ ...fields, createdById: user.id, tasks: TASK_SETS[status] });
    expect(job.status).toBe(status);
    seeded.push({ ...fields, id: job.id, status, email: user.email });
  }
  // `_` is a LIKE wildcard: a search for `my_app` must not find `myxapp`, nor `bob_x` find `bobyx`.
  for (const [i, [repository, email]] of [
    ["my_app", "bob_x@example.com"],
    ["myxapp", "bobyx@example.com"],
  ].entries()) {
    const user = await createTestUser("operator", email);
    const fields = {
      createdAt: new Date(BASE - (i + 1) * HOUR),
      sourceRegion: "cn-north-4",
      targetRegion: "ap-southeast-1",
      sourceNamespace: "team-a",
      sourceRepository: repository ?? "",
      targetNamespace: "team-a",
    };
    const job = await insertJob({ ...fields, createdById: user.id, tasks: TASK_SETS.succeeded });
    seeded.push({ ...fields, id: job.id, status: job.status, email: user.email });
  }
  actAs(await createTestUser("viewer"));
});

const newestFirst = (jobs: Seeded[]) =>
  [...jobs].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );

async function allPages(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const qs = `${query}${query ? "&" : ""}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const { status, body } = await jsonOf(await callRoute(listJobs, `/api/jobs?${qs}`));
    expect(status).toBe(200);
    const page = body as JobPage;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((j) => j.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
}

const FILTERS: [string, (j: Seeded) => boolean][] = [
  ["", () => true],
  ["status=failed", (j) => j.status === "failed"],
  ["status=partially_failed", (j) => j.status === "partially_failed"],
  ["sourceRegion=cn-north-4", (j) => j.sourceRegion === "cn-north-4"],
  ["targetRegion=cn-south-1", (j) => j.targetRegion === "cn-south-1"],
  ["namespace=team-b", (j) => j.sourceNamespace === "team-b"],
  ["targetNamespace=mirror-c", (j) => j.targetNamespace === "mirror-c"],
  ["repository=apps%2Fweb", (j) => j.sourceRepository === "apps/web"],
  // Parts of names, any case.
  ["repository=WEB", (j) => j.sourceRepository.includes("web")],
  ["repository=gin", (j) => j.sourceRepository === "nginx"],
  ["user=ALICE%40example.com", (j) => j.email === "alice@example.com"],
  ["user=Alice", (j) => j.email === "alice@example.com"],
  ["user=%40example.com", () => true],
  // LIKE's wildcards are plain characters.
  ["repository=my_app", (j) => j.sourceRepository === "my_app"],
  ["user=bob_", (j) => j.email === "bob_x@example.com"],
  ["user=_", (j) => j.email.includes("_")],
  ["repository=%25", () => false],
  ["user=%5C", () => false],
  [
    "from=2024-05-02&to=2024-05-03",
    (j) => j.createdAt >= new Date("2024-05-02T00:00Z") && j.createdAt < new Date("2024-05-04T00:00Z"),
  ],
  ["from=2024-05-01T12:00:00Z", (j) => j.createdAt >= new Date("2024-05-01T12:00Z")],
  // Days in the reader's zone: Shanghai's 2 May runs from 16:00 UTC on the 1st to 16:00 UTC on the 2nd.
  [
    "from=2024-05-02&to=2024-05-02&tz=Asia%2FShanghai",
    (j) => j.createdAt >= new Date("2024-05-01T16:00Z") && j.createdAt < new Date("2024-05-02T16:00Z"),
  ],
  [
    "sourceRegion=cn-east-3&repository=nginx&status=running",
    (j) => j.sourceRegion === "cn-east-3" && j.sourceRepository === "nginx" && j.status === "running",
  ],
  ["namespace=nobody", () => false],
];

describe("GET /api/jobs", () => {
  it.each(FILTERS)("pages through %j newest first without gaps or repeats", async (query, keep) => {
    const expected = newestFirst(seeded.filter(keep)).map((j) => j.id);
    const { ids } = await allPages(query, 4);
    expect(ids).toEqual(expected);
  });

  it("needs several pages for the whole history and ends with a null cursor", async () => {
    const { ids, pages } = await allPages("", 7);
    expect(ids).toHaveLength(32);
    expect(pages).toBe(5);
  });

  it("summarises each job with its creator and task counts", async () => {
    const running = newestFirst(seeded).find((j) => j.status === "running");
    const { body } = await jsonOf(await callRoute(listJobs, `/api/jobs?status=running&limit=1`));
    expect((body as JobPage).items[0]).toEqual({
      id: running?.id,
      status: "running",
      sourceRegion: running?.sourceRegion,
      sourceNamespace: running?.sourceNamespace,
      sourceRepository: running?.sourceRepository,
      targetRegion: running?.targetRegion,
      targetNamespace: "team-a",
      repositoryCount: 1,
      targetCount: 1,
      targets: [{ region: running?.targetRegion, namespace: "team-a" }],
      override: false,
      createdBy: { email: running?.email },
      createdAt: running?.createdAt.toISOString(),
      updatedAt: expect.any(String),
      progressAt: expect.any(String),
      finishedAt: null,
      attempt: 1,
      tagSelection: null,
      cancel: null,
      counts: { total: 3, queued: 1, active: 1, succeeded: 1, failed: 0, cancelled: 0, skipped: 0, kept: 0 },
    });
  });

  it.each([
    ["limit=500", "limit"],
    ["cursor=not-a-cursor", "cursor"],
    ["status=done", "status"],
    ["from=last-week", "from"],
    ["tz=Moon%2FTranquility", "tz"],
    ["from=2024-05-03&to=2024-05-02", "to"],
  ])("answers 400 for %s", async (qs, field) => {
    const res = await jsonOf(await callRoute(listJobs, `/api/jobs?${qs}`));
    expect(res).toMatchObject({
      status: 400,
      body: { error: { code: "validation_failed", fields: { [field]: [expect.any(String)] } } },
    });
  });

  it("answers 401 without a session", async () => {
    actAs(null);
    const res = await callRoute(listJobs, "/api/jobs");
    actAs(await createTestUser("viewer"));
    expect(res.status).toBe(401);
  });
});

describe("GET /api/jobs/{id}", () => {
  it("answers the job with every tag, its error and whether it is still live", async () => {
    const job = seeded.find((j) => j.status === "partially_failed");
    const { status, body } = await jsonOf(
      await callRoute(getJob, `/api/jobs/${job?.id}`, { params: { id: job?.id ?? "" } }),
    );
    expect(status).toBe(200);
    const detail = (body as { job: JobDetail }).job;
    expect(detail).toMatchObject({
      id: job?.id,
      status: "partially_failed",
      live: false,
      finishedAt: expect.any(String),
    });
    expect(detail.counts).toEqual({ total: 3, queued: 0, active: 0, succeeded: 2, failed: 1, cancelled: 0, skipped: 0, kept: 0 });
    const page = await jsonOf(await callRoute(getTasks, `/api/jobs/${job?.id}/tasks`, { params: { id: job?.id ?? "" } }));
    const tasks = (page.body as TaskPage).items;
    expect(tasks.map((t) => [t.tag, t.status, t.lastError?.message ?? null])).toEqual([
      ["a", "succeeded", null],
      ["b", "failed", "SWR reported the sync of b as failed."],
      ["c", "succeeded", null],
    ]);
    expect(tasks[1]).toMatchObject({
      sourceDigest: "sha256:b",
      targetDigest: null,
      attempts: 1,
      lastError: { code: "swr_failed" },
    });
  });

  it("says so when the job does not exist", async () => {
    const res = await jsonOf(await callRoute(getJob, "/api/jobs/nope", { params: { id: "nope" } }));
    expect(res).toEqual({
      status: 404,
      body: { error: { code: "not_found", key: "jobErrors.notFound", params: { id: "nope" }, message: "There is no sync job with the ID nope." } },
    });
  });
});

describe("GET /api/jobs/stats", () => {
  it("counts jobs by status and lists the unfinished and the latest ten", async () => {
    const { status, body } = await jsonOf(await callRoute(getStats, "/api/jobs/stats"));
    expect(status).toBe(200);
    const stats = body as JobStats;
    const perStatus = Object.fromEntries(STATUSES.map((s) => [s, seeded.filter((j) => j.status === s).length]));
    expect(stats.counts).toEqual(perStatus);
    const unfinished = newestFirst(seeded.filter((j) => j.status === "queued" || j.status === "running" || j.status === "cancelling"));
    expect(stats.running.map((j) => j.id)).toEqual(unfinished.slice(0, 10).map((j) => j.id));
    expect(stats.recent.map((j) => j.id)).toEqual(
      newestFirst(seeded)
        .slice(0, 10)
        .map((j) => j.id),
    );
  });
});

describe("GET /api/jobs/export.csv", () => {
  async function csv(query: string) {
    const res = await callRoute(exportCsv, `/api/jobs/export.csv${query}`);
    return { res, lines: (await res.text()).split("\r\n").filter(Boolean) };
  }

  it("is a dated attachment with a header row and every job, newest first", async () => {
    const { res, lines } = await csv("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="sync-jobs-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(lines[0]).toBe(
      "id,status,createdAt,finishedAt,timeZone,createdBy,sourceRegion,sourceNamespace,sourceRepository,repositoryCount,targetRegion,targetNamespace,targetCount,override,attempt,total,queued,active,succeeded,failed,cancelled,skipped,kept,tagSelection",
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(newestFirst(seeded).map((j) => j.id));
  });

  it("applies the same filters as the list", async () => {
    const { lines } = await csv("?status=failed&sourceRegion=cn-north-4");
    const expected = newestFirst(
      seeded.filter((j) => j.status === "failed" && j.sourceRegion === "cn-north-4"),
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(expected.map((j) => j.id));
  });

  it("defuses cells a spreadsheet would run as formulas", async () => {
    const { lines } = await csv(`?user=${encodeURIComponent(formula.email)}&limit=1`);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.split(",")[5]).toBe("'-2+3@example.com");
  });

  it("writes times in the reader's zone with their offset, names the zone, and dates the file in it", async () => {
    const { res, lines } = await csv("?tz=Asia%2FShanghai&from=2024-05-02&to=2024-05-02");
    const expected = newestFirst(
      seeded.filter((j) => j.createdAt >= new Date("2024-05-01T16:00Z") && j.createdAt < new Date("2024-05-02T16:00Z")),
    );
    expect(expected.length).toBeGreaterThan(0);
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((r) => r[0])).toEqual(expected.map((j) => j.id));
    // 2024-05-02 00:00 UTC is 08:00 in Shanghai.
    const first = expected.find((j) => j.createdAt.getTime() === Date.parse("2024-05-02T00:00Z"));
    expect(rows.find((r) => r[0] === first?.id)?.slice(2, 5)).toEqual(["2024-05-02T08:00:00+08:00", expect.any(String), "Asia/Shanghai"]);
    expect(rows.every((r) => r[4] === "Asia/Shanghai" && r[2]?.endsWith("+08:00"))).toBe(true);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="sync-jobs-\d{4}-\d{2}-\d{2}\.csv"$/);
  });

  it("answers 400 for a bad filter before sending any CSV", async () => {
    const { res } = await csv("?to=never");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/json/);
  });
});
