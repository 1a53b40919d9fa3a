import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/test/with-test-database";
import { db } from "./client";
import { createJob, getJobByIdempotencyKey, type NewJob } from "./jobs";
import { createUser } from "./users";

withTestDatabase();

let job: NewJob;

beforeAll(async () => {
  const user = await createUser({ email: "op@example.com", password: "a-test-password-1", role: "operator" });
  job = {
    createdById: user.id,
    sourceRegion: "cn-north-4",
    sourceNamespace: "team-a",
    sourceRepository: "nginx",
    targetRegion: "ap-southeast-1",
    targetNamespace: "team-a",
    override: false,
    tasks: [
      { tag: "latest", sourceDigest: "sha256:1" },
      { tag: "1.25.3", sourceDigest: null },
    ],
    requestHash: "h1",
  };
});

const counts = async () => ({
  jobs: await db().syncJob.count(),
  tasks: await db().syncTask.count(),
  audit: await db().auditEvent.count(),
});

describe("createJob", () => {
  it("writes the job, its tasks, its derived summary and the audit event together", async () => {
    const result = await createJob(job, {
      actor: { id: job.createdById, email: "op@example.com" },
      action: "sync_start",
      outcome: "success",
    });
    if (result.kind !== "created") throw new Error("expected a new job");
    const row = await db().syncJob.findUnique({ where: { id: result.id }, include: { tasks: true } });
    expect(row).toMatchObject({
      status: "queued",
      total: 2,
      succeeded: 0,
      failed: 0,
      attempt: 1,
      finishedAt: null,
    });
    expect(row?.tasks.map((t) => [t.tag, t.status, t.attempts]).sort()).toEqual([
      ["1.25.3", "queued", 1],
      ["latest", "queued", 1],
    ]);
    expect(await db().auditEvent.findFirst({ where: { target: result.id } })).toMatchObject({
      action: "sync_start",
      outcome: "success",
    });
  });

  it("reports a taken Idempotency-Key instead of writing a second job", async () => {
    const first = await createJob({ ...job, idempotencyKey: "key-00000001" });
    const before = await counts();
    expect(await createJob({ ...job, idempotencyKey: "key-00000001", requestHash: "h2" })).toEqual({
      kind: "key_taken",
    });
    expect(await counts()).toEqual(before);
    expect(await getJobByIdempotencyKey(job.createdById, "key-00000001")).toEqual({
      id: first.kind === "created" && first.id,
      requestHash: "h1",
    });
  });

  it("leaves nothing behind when any row fails", async () => {
    const before = await counts();
    const broken = { ...job, tasks: [...job.tasks, { tag: "latest", sourceDigest: "sha256:dup" }] };
    await expect(
      createJob(broken, { actor: { email: "op@example.com" }, action: "sync_start", outcome: "success" }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
