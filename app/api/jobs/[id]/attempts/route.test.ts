import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import type { JobAttempts } from "@/lib/jobs/dto";
import { actAs, callRoute, createTestUser, insertJob, jsonOf, setUpApiTests } from "@/test/api-routes";
import { POST as retryRoute } from "../retry/route";
import { GET } from "./route";

vi.mock("@/lib/auth/session-cookie");

// GET /api/jobs/{id}/attempts: a retry keeps the attempt it ends readable, with its counts and failures.

setUpApiTests();

let operator: SessionUser;
let viewer: SessionUser;

beforeAll(async () => {
  operator = await createTestUser("operator");
  viewer = await createTestUser("viewer");
});

const attemptsOf = (id: string) => callRoute(GET, `/api/jobs/${id}/attempts`, { params: { id } });
const retry = (id: string) => callRoute(retryRoute, `/api/jobs/${id}/retry`, { body: {}, params: { id } });

describe("GET /api/jobs/{id}/attempts", () => {
  it("is empty for a job never retried", async () => {
    actAs(viewer);
    const job = await insertJob({ createdById: operator.id, tasks: { a: "succeeded" } });
    expect(await jsonOf(await attemptsOf(job.id))).toEqual({ status: 200, body: { attempts: [] } });
  });

  it("keeps each retried attempt's counts and failures, the latest first", async () => {
    const job = await insertJob({ createdById: operator.id, tasks: { a: "succeeded", b: "failed", c: "failed", d: "cancelled" } });
    actAs(operator);
    expect((await retry(job.id)).status).toBe(200);

    actAs(viewer);
    const { status, body } = await jsonOf(await attemptsOf(job.id));
    expect(status).toBe(200);
    const { attempts } = body as JobAttempts;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      attempt: 1,
      endedHow: "retry",
      endedBy: { email: operator.email },
      counts: { total: 4, succeeded: 1, failed: 2, cancelled: 1 },
      errors: [{ code: "swr_failed", count: 2, message: "SWR reported the sync of b as failed.", tags: [expect.objectContaining({ tag: "b" }), expect.objectContaining({ tag: "c" })] }],
    });
  });

  it("answers 404 for an unknown job", async () => {
    actAs(viewer);
    expect((await attemptsOf("nope")).status).toBe(404);
  });
});
