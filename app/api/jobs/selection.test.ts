import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { JobDetail, JobPlan } from "@/lib/jobs/dto";
import { SEED } from "@/simulator/seed";
import { actAs, callRoute, createTestUser, jsonOf, rowCounts, setUpApiTests } from "@/test/api-routes";
import { NGINX_ROUTE } from "@/test/fixtures";
import { POST as planRoute } from "./plan/route";
import { POST as startRoute } from "./route";

vi.mock("@/lib/auth/session-cookie");

// Whole repositories and patterns: POST /api/jobs and POST /api/jobs/plan with a tagSelector, against the simulator.

setUpApiTests({ simulator: true });

const big = SEED.bigRepository;
const wholeRepo = { ...NGINX_ROUTE, sourceRepository: big.repository, override: false };
let operator: SessionUser;

beforeAll(async () => {
  operator = await createTestUser("operator");
});

const plan = (body: unknown) => callRoute(planRoute, "/api/jobs/plan", { body });
const start = (body: unknown) => callRoute(startRoute, "/api/jobs", { body });

describe("tag selectors", () => {
  it("the plan of a whole repository counts every tag and names the first 200, writing nothing", async () => {
    actAs(operator);
    const before = await rowCounts();
    const res = await jsonOf(await plan({ ...wholeRepo, tagSelector: { all: true } }));
    expect(res.status).toBe(200);
    const { plan: p } = res.body as JobPlan;
    expect(p).toMatchObject({ count: big.tagCount, truncated: true });
    expect(p.tags).toHaveLength(200);
    expect(p.tags[0]).toBe("build-00001");
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ["build-0000?", 9],
    ["build-0{1,2}00[0-4]", 10],
    ["build-049*", 100],
    ["build-00001", 1],
  ])("a pattern %s is evaluated on the server against the source's tags", async (pattern, count) => {
    actAs(operator);
    const res = await jsonOf(await plan({ ...wholeRepo, tagSelector: { pattern } }));
    expect(res).toMatchObject({ status: 200, body: { plan: { count, truncated: false } } });
  });

  it("a whole repository of 5,000 tags becomes one job, one queued task per tag with its digest", async () => {
    actAs(operator);
    const res = await jsonOf(await start({ ...wholeRepo, tagSelector: { all: true } }));
    expect(res.status).toBe(201);
    const { job } = res.body as { job: JobDetail };
    expect(job).toMatchObject({ tagSelection: { all: true }, counts: { total: big.tagCount, queued: big.tagCount }, live: true });
    expect(await db().syncTask.count({ where: { jobId: job.id, status: "queued", sourceDigest: { startsWith: "sha256:" } } })).toBe(big.tagCount);
  });

  it.each([
    [
      "a pattern that matches nothing",
      { pattern: "v9.*" },
      400,
      "validation_failed",
      "tagSelector",
      { key: "jobErrors.patternMatchesNothing", params: { repository: "team-a/ci-builds", pattern: "v9.*" } },
      /^No tag of “team-a\/ci-builds” matches “v9\.\*”\.$/,
    ],
    ["a pattern picomatch cannot use", { pattern: "build-[" }, 400, "validation_failed", "tagSelector.pattern", { key: "jobErrors.invalidPattern" }, /^Is not a valid pattern: /],
    ["a pattern with a slash", { pattern: "a/b" }, 400, "validation_failed", "tagSelector.pattern", { key: "jobErrors.patternCharacters" }, /glob characters/],
  ] as const)("refuses %s and writes no job", async (_, tagSelector, status, code, field, said, message) => {
    actAs(operator);
    const { jobs, tasks } = await rowCounts();
    for (const call of [plan, start]) {
      const res = await jsonOf(await call({ ...wholeRepo, tagSelector }));
      expect(res).toMatchObject({ status, body: { error: { code, fields: { [field]: [expect.stringMatching(message)] }, fieldMessages: { [field]: [said] } } } });
    }
    expect(await rowCounts()).toMatchObject({ jobs, tasks });
  });
});
