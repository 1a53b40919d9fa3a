import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { POST as start } from "../../route";
import { POST } from "./route";

vi.mock("@/lib/auth/session-cookie");

// POST /api/jobs/{id}/again: a new job from an earlier one's settings, planned against SWR now.

setUpApiTests({ simulator: true });

let operator: SessionUser;

beforeAll(async () => {
  operator = await createTestUser("operator");
});

const again = (id: string, headers: Record<string, string> = {}) => callRoute(POST, `/api/jobs/${id}/again`, { body: {}, headers, params: { id } });
const jobId = (body: unknown) => (body as { job: { id: string } }).job.id;

describe("POST /api/jobs/{id}/again", () => {
  it("repeats a job over several repositories and targets with the same tags, targets and override", async () => {
    actAs(operator);
    const first = await jsonOf(
      await callRoute(start, "/api/jobs", {
        body: {
          source: { region: "cn-north-4", namespace: "team-a" },
          repositories: [{ name: "redis", tags: ["7.2.4", "latest"] }, { name: "apps/web", tags: ["1.0.0"] }],
          targets: [
            { region: "cn-south-1", namespace: "team-a" },
            { region: "cn-east-3", namespace: "team-a" },
          ],
          override: true,
        },
      }),
    );
    expect(first.status).toBe(201);
    const res = await jsonOf(await again(jobId(first.body), { "Idempotency-Key": "again-key-0001" }));
    expect(res.status).toBe(201);
    const id = jobId(res.body);
    expect(id).not.toBe(jobId(first.body));
    expect(res.body).toMatchObject({ job: { override: true, repositoryCount: 2, targetCount: 2, counts: { total: 6 } } });
    const tasks = await db().syncTask.findMany({ where: { jobId: id }, select: { repository: true, tag: true, targetRegion: true } });
    expect(tasks.map((t) => `${t.repository}:${t.tag}→${t.targetRegion}`).sort()).toEqual([
      "apps/web:1.0.0→cn-east-3",
      "apps/web:1.0.0→cn-south-1",
      "redis:7.2.4→cn-east-3",
      "redis:7.2.4→cn-south-1",
      "redis:latest→cn-east-3",
      "redis:latest→cn-south-1",
    ]);
    // The key answers the same job again.
    expect(jobId((await jsonOf(await again(jobId(first.body), { "Idempotency-Key": "again-key-0001" }))).body)).toBe(id);
  });

  it("answers 404 for an unknown job and 403 for a viewer", async () => {
    actAs(operator);
    expect((await again("nope")).status).toBe(404);
    actAs(await createTestUser("viewer"));
    expect((await again("nope")).status).toBe(403);
  });
});
