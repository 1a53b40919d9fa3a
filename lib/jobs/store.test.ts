import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/test/with-test-database";
import { db } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import type { PlannedTask } from "./plan";
import { createJob, getJobAnswer, getJobByIdempotencyKey, iterateJobTasks, listJobTasks, type NewJob } from "./store";

withTestDatabase();

let job: NewJob;

const task = (tag: string, sourceDigest: string | null, planClass: PlannedTask["planClass"] = "new"): PlannedTask => ({
  repository: "nginx",
  targetRegion: "ap-southeast-1",
  targetNamespace: "team-a",
  tag,
  sourceDigest,
  targetDigest: null,
  planClass,
});

beforeAll(async () => {
  const user = await createUser({ email: "op@example.com", password: "a-test-password-1", role: "operator" });
  job = {
    createdById: user.id,
    sourceRegion: "cn-north-4",
    sourceNamespace: "team-a",
    repositories: ["nginx"],
    targets: [{ region: "ap-southeast-1", namespace: "team-a" }],
    override: false,
    tagSelector: null,
    tasks: [task("latest", "sha256:1"), task("1.25.3", null)],
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
      queued: 2,
      succeeded: 0,
      failed: 0,
      attempt: 1,
      finishedAt: null,
      nextRoundAt: expect.any(Date),
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
    const broken = { ...job, tasks: [...job.tasks, task("latest", "sha256:dup")] };
    await expect(
      createJob(broken, { actor: { email: "op@example.com" }, action: "sync_start", outcome: "success" }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});

describe("getJobAnswer", () => {
  it("says when a tag last moved (progressAt), which the engine's bookkeeping on the job's record does not change", async () => {
    const created = await createJob(job);
    if (created.kind !== "created") throw new Error("expected a new job");
    const moved = new Date(Date.now() - 10 * 60_000);
    await db().syncJob.update({ where: { id: created.id }, data: { progressAt: moved } });
    // A lease renewal: the record changes, no tag does.
    await db().syncJob.update({ where: { id: created.id }, data: { leaseOwner: "engine-1", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    const { job: answer } = await getJobAnswer(created.id);
    expect(answer.progressAt).toBe(moved.toISOString());
    expect(Date.parse(answer.updatedAt)).toBeGreaterThan(moved.getTime());
  });
});

describe("a job of 20,000 tags", () => {
  const tags = Array.from({ length: 20_000 }, (_, i) => `v${String(i).padStart(5, "0")}`);
  let id = "";

  beforeAll(async () => {
    const result = await createJob({ ...job, tagSelector: { all: true }, tasks: tags.map((tag) => task(tag, `sha256:${tag}`)), requestHash: "big" });
    if (result.kind !== "created") throw new Error("expected a new job");
    id = result.id;
  }, 60_000);

  it("is written whole, below either database's bind limit", async () => {
    expect(await db().syncTask.count({ where: { jobId: id } })).toBe(20_000);
    const answer = await getJobAnswer(id);
    expect(answer.job).toMatchObject({ status: "queued", tagSelection: { all: true }, live: true, counts: { total: 20_000, queued: 20_000 } });
    expect(answer.changes).toBeUndefined();
  });

  it("pages its tasks from the database, filtered by state and tag", async () => {
    const page = await listJobTasks(id, { offset: 19_950, limit: 100, q: undefined, status: undefined });
    expect(page).toMatchObject({ total: 20_000, offset: 19_950, limit: 100 });
    expect(page.items.map((t) => t.tag)).toEqual(tags.slice(19_950));
    expect((await listJobTasks(id, { offset: 0, limit: 100, q: "1999", status: "queued" })).items.map((t) => t.tag)).toEqual(["v01999", "v11999", "v19990", "v19991", "v19992", "v19993", "v19994", "v19995", "v19996", "v19997", "v19998", "v19999"]);
    expect((await listJobTasks(id, { offset: 0, limit: 100, q: undefined, status: "failed" })).total).toBe(0);
  });

  it("is read whole for its CSV, page after page in the tasks list's order, each page after the last", async () => {
    const pages: string[][] = [];
    for await (const page of await iterateJobTasks(id, {}, 3_000)) pages.push(page.map((t) => t.tag));
    expect(pages.map((p) => p.length)).toEqual([3_000, 3_000, 3_000, 3_000, 3_000, 3_000, 2_000]);
    expect(pages.flat()).toEqual(tags);
    const matching: string[] = [];
    for await (const page of await iterateJobTasks(id, { q: "1999" }, 5)) matching.push(...page.map((t) => t.tag));
    expect(matching).toEqual(["v01999", "v11999", "v19990", "v19991", "v19992", "v19993", "v19994", "v19995", "v19996", "v19997", "v19998", "v19999"]);
    await expect(iterateJobTasks("no-such-job", {})).rejects.toMatchObject({ code: "not_found" });
  });

  it("a refresh with ?since= carries only the tasks that changed", async () => {
    // A version covers changes up to a second before it was handed out, so that late commits are not missed.
    await new Promise((r) => setTimeout(r, 1_100));
    const { job: before } = await getJobAnswer(id);
    const changed = tags.slice(100, 150);
    await db().syncTask.updateMany({ where: { jobId: id, tag: { in: changed } }, data: { status: "submitted", submittedAt: new Date() } });
    const answer = await getJobAnswer(id, { since: before.version });
    expect(answer.changes).toMatchObject({ complete: true });
    expect(answer.changes?.tasks.map((t) => t.tag)).toEqual(changed);
    expect(answer.job.counts).toMatchObject({ queued: 19_950, active: 50 });
    // Small enough to send every second and a half: well below 20 kB before compression.
    expect(JSON.stringify(answer).length).toBeLessThan(20_000);
    // Narrowed to the rows on screen, only their changes come.
    const onScreen = await getJobAnswer(id, { since: before.version, from: tags[120], to: tags[219] });
    expect(onScreen.changes?.tasks.map((t) => t.tag)).toEqual(tags.slice(120, 150));
    await db().syncTask.updateMany({ where: { jobId: id }, data: { status: "succeeded" } });
    expect((await getJobAnswer(id, { since: answer.job.version })).changes).toEqual({ tasks: [], complete: false });
  });
});
