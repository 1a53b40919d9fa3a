import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { JobDetail } from "@/lib/jobs/dto";
import { actAs, callRoute, createTestUser, insertJob, jsonOf, setUpApiTests } from "@/test/api-routes";
import type { TaskState } from "@/lib/jobs/states";
import { POST } from "./route";

vi.mock("@/lib/auth/session-cookie");

// POST /api/jobs/{id}/retry: only failed tags go back to the queue, as one new attempt.

setUpApiTests();

let operator: SessionUser;

beforeAll(async () => {
  operator = await createTestUser("operator");
});

const retry = (id: string, o: { body?: unknown; headers?: Record<string, string> } = {}) =>
  callRoute(POST, `/api/jobs/${id}/retry`, { body: o.body ?? {}, headers: o.headers, params: { id } });

const tasksOf = (jobId: string) => db().syncTask.findMany({ where: { jobId }, orderBy: { tag: "asc" } });

describe("POST /api/jobs/{id}/retry", () => {
  it("re-queues only the failed tags, clears their errors and SWR fields, and starts attempt 2", async () => {
    actAs(operator);
    const job = await insertJob({
      createdById: operator.id,
      tasks: { a: "succeeded", b: "failed", c: "failed" },
    });
    const before = await tasksOf(job.id);
    const { status, body } = await jsonOf(await retry(job.id));
    expect(status).toBe(200);
    const detail = (body as { job: JobDetail }).job;
    expect(detail).toMatchObject({
      status: "running",
      attempt: 2,
      live: true,
      finishedAt: null,
      counts: { total: 3, queued: 2, succeeded: 1, failed: 0 },
    });

    const after = await tasksOf(job.id);
    expect(after[0]).toEqual(before[0]);
    for (const task of after.slice(1)) {
      expect(task).toMatchObject({
        status: "queued",
        attempts: 2,
        lastErrorCode: null,
        lastErrorMessage: null,
        swrJobId: null,
        swrStatus: null,
        swrPriorJobId: null,
        submitTries: 0,
        submittedAt: null,
        nextCheckAt: null,
        finishedAt: null,
        sourceDigest: expect.stringMatching(/^sha256:/),
      });
    }
    // Due for an engine at once.
    const row = await db().syncJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.nextRoundAt?.getTime()).toBeLessThanOrEqual(Date.now());
    const audit = await db().auditEvent.findFirst({ where: { action: "sync_retry", target: job.id } });
    expect(audit).toMatchObject({ actorId: operator.id, outcome: "success" });
    expect(JSON.parse(audit?.detail ?? "{}")).toEqual({ tags: 2, attempt: 2 });
  });

  it.each<[string, Record<string, TaskState>, object, RegExp]>([
    [
      "nothing failed",
      { a: "succeeded", b: "succeeded" },
      { key: "jobErrors.retryNothingToDo" },
      /^No tag of this job failed or was cancelled, so there is nothing to retry\.$/,
    ],
    [
      "tags are still queued or with SWR",
      { a: "failed", b: "queued", c: "submitted", d: "submitted" },
      { key: "jobErrors.retryStillRunning", params: { count: 3 } },
      /^This job is still running \(3 tags have not finished\); retry its failed tags/,
    ],
    ["a tag waits for another try", { a: "failed", b: "retrying" }, { key: "jobErrors.retryStillRunning", params: { count: 1 } }, /still running \(1 tag has not finished\)/],
  ])("answers 409 when %s and changes nothing", async (_, tasks, said, message) => {
    actAs(operator);
    const job = await insertJob({ createdById: operator.id, tasks });
    const before = await tasksOf(job.id);
    const res = await jsonOf(await retry(job.id));
    expect(res).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", ...said, message: expect.stringMatching(message) } },
    });
    expect(await tasksOf(job.id)).toEqual(before);
    expect(await db().syncJob.findUnique({ where: { id: job.id }, select: { attempt: true } })).toEqual({
      attempt: 1,
    });
    const audit = await db().auditEvent.findFirst({ where: { action: "sync_retry", target: job.id } });
    expect(audit).toMatchObject({ outcome: "failure" });
  });

  it("lets only one of two simultaneous retries through", async () => {
    actAs(operator);
    const job = await insertJob({ createdById: operator.id, tasks: { a: "failed", b: "failed" } });
    const answers = await Promise.all([retry(job.id), retry(job.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await db().syncJob.findUnique({ where: { id: job.id }, select: { attempt: true } })).toEqual({
      attempt: 2,
    });
    expect((await tasksOf(job.id)).map((t) => t.attempts)).toEqual([2, 2]);
  });

  it.each([
    ["a missing job", "operator", "nope", {}, {}, 404, "not_found"],
    ["a viewer", "viewer", undefined, {}, {}, 403, "forbidden"],
    ["an unexpected option", "operator", undefined, { force: true }, {}, 400, "validation_failed"],
    [
      "a body that is not JSON",
      "operator",
      undefined,
      "{}",
      { "content-type": "text/plain" },
      415,
      "unsupported_media_type",
    ],
  ] as const)("refuses %s", async (_, role, id, body, headers, status, code) => {
    actAs(await createTestUser(role));
    const job = await insertJob({ createdById: operator.id, tasks: { a: "failed" } });
    const res = await jsonOf(await retry(id ?? job.id, { body, headers }));
    expect(res).toMatchObject({ status, body: { error: { code } } });
    expect((await tasksOf(job.id))[0]?.status).toBe("failed");
  });
});
