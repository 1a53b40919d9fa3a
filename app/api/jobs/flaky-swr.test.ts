import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { JobDetail, JobPlan } from "@/lib/jobs/dto";
import { simAdmin } from "@/simulator/testing";
import { actAs, callRoute, createTestUser, jsonOf, rowCounts, setUpApiTests } from "@/test/api-routes";
import { NGINX_ROUTE } from "@/test/fixtures";
import { POST as planRoute } from "./plan/route";
import { POST as startRoute } from "./route";

vi.mock("@/lib/auth/session-cookie");

// A plan needs every SWR read it makes and stops at the first that fails: under an unreliable SWR its reads are
// tried as often as the engine's (twice SWR_MAX_ATTEMPTS), so a namespace of 50 repositories can still be synced.

const env = setUpApiTests({ simulator: true });

let operator: SessionUser;

beforeAll(async () => {
  // The dashboard's default: three attempts per read (setUpApiTests makes it one, for the other files' fault tests).
  vi.stubEnv("SWR_MAX_ATTEMPTS", "3");
  // Every retry is logged as a warning; the counts below say what happened.
  vi.stubEnv("LOG_LEVEL", "silent");
  operator = await createTestUser("operator");
});

const plan = (body: unknown) => callRoute(planRoute, "/api/jobs/plan", { body });
const start = (body: unknown) => callRoute(startRoute, "/api/jobs", { body });
const good = { ...NGINX_ROUTE, tags: ["latest", "1.25.3"], override: false };

describe("a plan under an unreliable SWR", () => {
  it("outlasts five 500s in a row on its one namespace check, where a dashboard read gives up after three", async () => {
    actAs(operator);
    const fiveErrors = { rules: [{ kind: "error" as const, status: 500, operations: ["ShowNamespace" as const], count: 5 }] };
    await simAdmin.setFaults(env.sim, fiveErrors);
    expect(await jsonOf(await plan(good))).toMatchObject({ status: 200, body: { plan: { count: 2 } } });

    await simAdmin.setFaults(env.sim, fiveErrors);
    await simAdmin.resetStats(env.sim);
    const res = await jsonOf(await start(good));
    expect(res.status).toBe(201);
    expect((res.body as { job: JobDetail }).job.counts.total).toBe(2);
    expect((await simAdmin.stats(env.sim)).operations.ShowNamespace).toBe(6);
  });

  it("still fails, writing nothing, when SWR keeps failing a read", async () => {
    actAs(await createTestUser("operator"));
    await simAdmin.setFaults(env.sim, { rules: [{ kind: "error", status: 500, operations: ["ShowNamespace"] }] });
    await simAdmin.resetStats(env.sim);
    const before = await rowCounts();
    expect(await jsonOf(await start(good))).toMatchObject({ status: 502, body: { error: { code: "swr_unavailable" } } });
    expect((await simAdmin.stats(env.sim)).operations.ShowNamespace).toBe(6);
    expect(await rowCounts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it("syncs a namespace of 50 repositories while SWR fails its first tag listings", async () => {
    actAs(await createTestUser("operator"));
    const names = Array.from({ length: 50 }, (_, i) => `svc-${String(i + 1).padStart(2, "0")}`);
    for (const [i, name] of names.entries())
      await simAdmin.createRepository(env.sim, { region: "cn-north-4", namespace: "fleet", repository: name, tags: 1 + (i % 4), createNamespace: true });
    await simAdmin.putTag(env.sim, { region: "ap-southeast-1", namespace: "fleet", repository: "svc-01", tag: "v1.0.000001", createNamespace: true });
    // Four reads go out at once, so no one read can meet more than five of these eight failures: each gets through.
    await simAdmin.setFaults(env.sim, { rules: [{ kind: "error", status: 500, operations: ["ListRepositoryTags"], count: 8 }] });
    const request = {
      source: { region: "cn-north-4", namespace: "fleet" },
      repositories: names.map((name) => ({ name, tagSelector: { all: true } })),
      targets: [{ region: "ap-southeast-1", namespace: "fleet" }],
      override: true,
    };
    const res = await jsonOf(await start(request));
    expect(res.status).toBe(201);
    const { job } = res.body as { job: JobDetail };
    const tags = names.reduce((n, _, i) => n + 1 + (i % 4), 0);
    expect(job).toMatchObject({ repositoryCount: 50, counts: { total: tags } });
    expect(await db().syncTask.count({ where: { jobId: job.id } })).toBe(tags);
    const { plan: preview } = (await jsonOf(await plan(request))).body as JobPlan;
    expect(preview.count).toBe(tags);
  });
});
