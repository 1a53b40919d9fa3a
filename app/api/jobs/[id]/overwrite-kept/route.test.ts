import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { JobDetail } from "@/lib/jobs/dto";
import type { TaskState } from "@/lib/jobs/states";
import { actAs, callRoute, createTestUser, insertJob, jsonOf, setUpApiTests } from "@/test/api-routes";
import { POST } from "./route";

vi.mock("@/lib/auth/session-cookie");

// POST /api/jobs/{id}/overwrite-kept: only the kept tags go back to the queue, as one new attempt with override on.

setUpApiTests();

let operator: SessionUser;

beforeAll(async () => {
  operator = await createTestUser("operator");
});

const overwrite = (id: string, o: { body?: unknown; headers?: Record<string, string> } = {}) =>
  callRoute(POST, `/api/jobs/${id}/overwrite-kept`, { body: o.body ?? {}, headers: o.headers, params: { id } });

const tasksOf = (jobId: string) => db().syncTask.findMany({ where: { jobId }, orderBy: { tag: "asc" } });
const jobRow = (jobId: string) => db().syncJob.findUniqueOrThrow({ where: { id: jobId } });

describe("POST /api/jobs/{id}/overwrite-kept", () => {
  it("re-queues only the kept tags with override on, as attempt 2, and leaves the others alone", async () => {
    actAs(operator);
    const job = await insertJob({
      createdById: operator.id,
      tasks: { a: "succeeded", b: "kept", c: "kept", d: "skipped_identical", e: "failed" },
    });
    expect(job.status).toBe("partially_failed");
    const before = await tasksOf(job.id);
    expect(await jobRow(job.id)).toMatchObject({ kept: 2, skipped: 1, override: false });

    const { status, body } = await jsonOf(await overwrite(job.id));
    expect(status).toBe(200);
    expect((body as { job: JobDetail }).job).toMatchObject({
      status: "running",
      attempt: 2,
      override: true,
      live: true,
      finishedAt: null,
      counts: { total: 5, queued: 2, succeeded: 1, skipped: 1, kept: 0, failed: 1 },
    });

    const after = await tasksOf(job.id);
    for (const i of [0, 3, 4]) expect(after[i]).toEqual(before[i]);
    for (const task of [after[1], after[2]]) {
      expect(task).toMatchObject({ status: "queued", attempts: 2, targetDigest: null, finishedAt: null, submittedAt: null, swrJobId: null });
    }
    const row = await jobRow(job.id);
    expect(row).toMatchObject({ attempt: 2, override: true, kept: 0, queued: 2, status: "running", finishedAt: null });
    expect(row.nextRoundAt?.getTime()).toBeLessThanOrEqual(Date.now());
    const audit = await db().auditEvent.findFirst({ where: { action: "sync_overwrite_kept", target: job.id } });
    expect(audit).toMatchObject({ actorId: operator.id, outcome: "success" });
    expect(JSON.parse(audit?.detail ?? "{}")).toEqual({ tags: 2, attempt: 2 });
  });

  it("reads a job whose only non-successes are kept tags as succeeded, with its counts", async () => {
    const job = await insertJob({ createdById: operator.id, tasks: { a: "succeeded", b: "kept", c: "skipped_identical" } });
    expect(job.status).toBe("succeeded");
    expect(await jobRow(job.id)).toMatchObject({ status: "succeeded", succeeded: 1, kept: 1, skipped: 1, finishedAt: expect.any(Date) });
  });

  it.each<[string, Record<string, TaskState>, object, RegExp]>([
    ["no tag was kept", { a: "succeeded", b: "failed", c: "skipped_identical" }, { key: "jobErrors.overwriteNothingToDo" }, /^No tag of this job was kept, so there is nothing to overwrite\.$/],
    [
      "tags are still in flight",
      { a: "kept", b: "queued", c: "submitted" },
      { key: "jobErrors.overwriteStillRunning", params: { count: 2 } },
      /^This job is still running \(2 tags have not finished\); overwrite its kept tags/,
    ],
    ["a tag waits for another try", { a: "kept", b: "retrying" }, { key: "jobErrors.overwriteStillRunning", params: { count: 1 } }, /still running \(1 tag has not finished\)/],
  ])("answers 409 when %s and changes nothing", async (_, tasks, said, message) => {
    actAs(operator);
    const job = await insertJob({ createdById: operator.id, tasks });
    const before = await tasksOf(job.id);
    const res = await jsonOf(await overwrite(job.id));
    expect(res).toMatchObject({ status: 409, body: { error: { code: "conflict", ...said, message: expect.stringMatching(message) } } });
    expect(await tasksOf(job.id)).toEqual(before);
    expect(await jobRow(job.id)).toMatchObject({ attempt: 1, override: false });
    const audit = await db().auditEvent.findFirst({ where: { action: "sync_overwrite_kept", target: job.id } });
    expect(audit).toMatchObject({ outcome: "failure" });
  });

  it("lets one of two simultaneous requests through, and a repeat finds the tags already on their way", async () => {
    actAs(operator);
    const job = await insertJob({ createdById: operator.id, tasks: { a: "kept", b: "kept" } });
    const answers = await Promise.all([overwrite(job.id), overwrite(job.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await overwrite(job.id)).toMatchObject({ status: 409 });
    expect(await jobRow(job.id)).toMatchObject({ attempt: 2, override: true });
    expect((await tasksOf(job.id)).map((t) => [t.status, t.attempts])).toEqual([
      ["queued", 2],
      ["queued", 2],
    ]);
  });

  it.each([
    ["a missing job", "operator", "nope", {}, {}, 404, "not_found"],
    ["a viewer", "viewer", undefined, {}, {}, 403, "forbidden"],
    ["an unexpected option", "operator", undefined, { tags: ["a"] }, {}, 400, "validation_failed"],
    ["a body that is not JSON", "operator", undefined, "{}", { "content-type": "text/plain" }, 415, "unsupported_media_type"],
  ] as const)("refuses %s", async (_, role, id, body, headers, status, code) => {
    actAs(await createTestUser(role));
    const job = await insertJob({ createdById: operator.id, tasks: { a: "kept" } });
    const res = await jsonOf(await overwrite(id ?? job.id, { body, headers }));
    expect(res).toMatchObject({ status, body: { error: { code } } });
    expect((await tasksOf(job.id))[0]?.status).toBe("kept");
  });
});
