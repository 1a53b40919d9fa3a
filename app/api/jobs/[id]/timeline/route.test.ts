import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { JobTimeline } from "@/lib/jobs/dto";
import { actAs, callRoute, createTestUser, insertJob, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET as getTimeline } from "./route";

vi.mock("@/lib/auth/session-cookie");

// A job's slowest tags, from submission to end, sorted by the database on SQLite and PostgreSQL alike.

setUpApiTests();

const START = new Date("2024-05-01T08:00:00Z");
const SECOND = 1_000;
/** Tag → [submitted after the start, taken] in seconds; null for a tag never sent. */
const TAGS: Record<string, [number, number] | null> = {
  "1.0": [1, 12.5],
  "1.1": [2, 3],
  "1.2": [2, 40],
  "1.3": [5, 0.25],
  "1.4": [30, 40],
  latest: null,
};

let jobId = "";

beforeAll(async () => {
  const operator = await createTestUser("operator");
  const states = Object.fromEntries(Object.entries(TAGS).map(([tag, t]) => [tag, t ? "succeeded" : "skipped_identical"] as const));
  jobId = (await insertJob({ createdById: operator.id, createdAt: START, tasks: { ...states, "1.4": "failed" } })).id;
  for (const [tag, t] of Object.entries(TAGS)) {
    if (!t) continue;
    const submittedAt = new Date(START.getTime() + t[0] * SECOND);
    await db().syncTask.updateMany({ where: { jobId, tag }, data: { submittedAt, finishedAt: new Date(submittedAt.getTime() + t[1] * SECOND) } });
  }
  actAs(await createTestUser("viewer"));
});

const timeline = async (query = "") => {
  const { status, body } = await jsonOf(await callRoute(getTimeline, `/api/jobs/${jobId}/timeline${query}`, { params: { id: jobId } }));
  expect(status).toBe(200);
  return body as JobTimeline;
};

describe("GET /api/jobs/{id}/timeline", () => {
  it("lists the tags that were sent, the slowest first, with their times", async () => {
    const t = await timeline();
    expect(t.startedAt).toBe(START.toISOString());
    expect(t.measured).toBe(5);
    expect(t.tasks.map((x) => [x.tag, x.durationMs])).toEqual([
      ["1.2", 40_000],
      ["1.4", 40_000],
      ["1.0", 12_500],
      ["1.1", 3_000],
      ["1.3", 250],
    ]);
    expect(t.tasks[1]).toEqual({
      repository: "nginx",
      tag: "1.4",
      targetRegion: "ap-southeast-1",
      targetNamespace: "team-a",
      status: "failed",
      submittedAt: "2024-05-01T08:00:30.000Z",
      finishedAt: "2024-05-01T08:01:10.000Z",
      durationMs: 40_000,
    });
  });

  it("keeps to the limit asked for", async () => {
    const t = await timeline("?limit=2");
    expect(t.measured).toBe(5);
    expect(t.tasks.map((x) => x.tag)).toEqual(["1.2", "1.4"]);
  });

  it.each(["limit=0", "limit=101", "limit=few"])("answers 400 for %s", async (qs) => {
    const res = await jsonOf(await callRoute(getTimeline, `/api/jobs/${jobId}/timeline?${qs}`, { params: { id: jobId } }));
    expect(res).toMatchObject({ status: 400, body: { error: { code: "validation_failed", fields: { limit: [expect.any(String)] } } } });
  });

  it("answers 404 for a job that does not exist", async () => {
    const res = await jsonOf(await callRoute(getTimeline, "/api/jobs/nope/timeline", { params: { id: "nope" } }));
    expect(res).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});
