import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { JobDetail } from "@/lib/jobs/dto";
import type { TaskState } from "@/lib/jobs/states";
import { actAs, callRoute, createTestUser, insertJob, jsonOf, setUpApiTests } from "@/test/api-routes";
import { POST as retryRoute } from "../retry/route";
import { POST } from "./route";

vi.mock("@/lib/auth/session-cookie");

// POST /api/jobs/{id}/cancel: unsent tags end cancelled, tags SWR has stay with the engine; idempotent, audited.

setUpApiTests();

let operator: SessionUser;

beforeAll(async () => {
  operator = await createTestUser("operator");
});

const cancel = (id: string, o: { body?: unknown } = {}) => callRoute(POST, `/api/jobs/${id}/cancel`, { body: o.body ?? {}, params: { id } });
const retry = (id: string) => callRoute(retryRoute, `/api/jobs/${id}/retry`, { body: {}, params: { id } });
const statesOf = async (jobId: string) =>
  Object.fromEntries((await db().syncTask.findMany({ where: { jobId }, orderBy: { tag: "asc" } })).map((t) => [t.tag, t.status]));
const running: Record<string, TaskState> = { a: "succeeded", b: "submitted", c: "queued", d: "retrying" };

describe("POST /api/jobs/{id}/cancel", () => {
  it("cancels the unsent tags, leaves SWR's to finish, and says so; a second cancel changes nothing", async () => {
    actAs(operator);
    const job = await insertJob({ createdById: operator.id, tasks: running });
    const res = await jsonOf(await cancel(job.id));
    expect(res.status).toBe(200);
    expect((res.body as { job: JobDetail }).job).toMatchObject({
      status: "cancelling",
      live: true,
      counts: { total: 4, succeeded: 1, active: 1, queued: 0, cancelled: 2 },
      cancel: { at: expect.any(String), by: { email: operator.email } },
    });
    expect(await statesOf(job.id)).toEqual({ a: "succeeded", b: "submitted", c: "cancelled", d: "cancelled" });
    const audit = await db().auditEvent.findFirst({ where: { action: "sync_cancel", target: job.id } });
    expect(audit).toMatchObject({ actorId: operator.id, outcome: "success" });
    expect(JSON.parse(audit?.detail ?? "{}")).toEqual({ tags: 2 });

    const again = await jsonOf(await cancel(job.id));
    expect(again.status).toBe(200);
    expect(await db().auditEvent.count({ where: { action: "sync_cancel", target: job.id } })).toBe(1);
    expect(await statesOf(job.id)).toEqual({ a: "succeeded", b: "submitted", c: "cancelled", d: "cancelled" });
  });

  it("a job whose every tag was unsent ends cancelled at once; Retry brings back only the cancelled and failed tags", async () => {
    actAs(operator);
    const job = await insertJob({ createdById: operator.id, tasks: { a: "succeeded", b: "failed", c: "queued" } });
    expect((await jsonOf(await cancel(job.id))).body).toMatchObject({ job: { status: "cancelled", live: false, counts: { cancelled: 1, failed: 1 } } });
    const res = await jsonOf(await retry(job.id));
    expect(res.body).toMatchObject({ job: { status: "running", attempt: 2, cancel: null, counts: { queued: 2, succeeded: 1, cancelled: 0 } } });
    expect(await statesOf(job.id)).toEqual({ a: "succeeded", b: "queued", c: "queued" });
  });

  it.each<[string, Record<string, TaskState>, string, RegExp]>([
    ["succeeded", { a: "succeeded" }, "succeeded", /already finished \(succeeded\)/],
    ["failed", { a: "failed" }, "failed", /already finished \(failed\)/],
    ["partially failed", { a: "failed", b: "succeeded" }, "partially_failed", /already finished \(partially failed\)/],
  ])("answers 409 for a job that has %s, and changes nothing", async (_, tasks, status, message) => {
    actAs(operator);
    const job = await insertJob({ createdById: operator.id, tasks });
    const before = await statesOf(job.id);
    expect(await jsonOf(await cancel(job.id))).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", key: "jobErrors.cancelFinished", params: { state: { key: `jobErrors.jobStatus.${status}` } }, message: expect.stringMatching(message) } },
    });
    expect(await statesOf(job.id)).toEqual(before);
    expect(await db().auditEvent.findFirst({ where: { action: "sync_cancel", target: job.id } })).toMatchObject({ outcome: "failure" });
  });

  it.each([
    ["a viewer", "viewer", undefined, {}, 403, "forbidden"],
    ["a missing job", "operator", "nope", {}, 404, "not_found"],
    ["an unexpected option", "operator", undefined, { force: true }, 400, "validation_failed"],
  ] as const)("refuses %s", async (_, role, id, body, status, code) => {
    actAs(await createTestUser(role));
    const job = await insertJob({ createdById: operator.id, tasks: running });
    expect(await jsonOf(await cancel(id ?? job.id, { body }))).toMatchObject({ status, body: { error: { code } } });
    expect((await statesOf(job.id)).c).toBe("queued");
  });
});
