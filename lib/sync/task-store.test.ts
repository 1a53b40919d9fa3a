import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { databaseProvider } from "@/lib/db/database-url";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { applyChanges, claimJobTasks, findDueJobIds, releaseTasks } from "./task-store";

// Leases against a real database: one holder per task, even when engines race for it.

let database: TestDatabase;
const clients: Db[] = [];
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  // One connection per engine on PostgreSQL; SQLite's engines share one (see test-fixture.ts).
  const separate = databaseProvider(database.url) === "postgres";
  db = createPrismaClient(database.url);
  clients.push(db, ...Array.from({ length: 3 }, () => (separate ? createPrismaClient(database.url) : db)));
});
afterAll(async () => {
  await Promise.all([...new Set(clients)].map((c) => c.$disconnect()));
  await database.drop();
});

async function newJob(tags: number, status = "queued"): Promise<string> {
  const user = await db.user.upsert({ where: { email: "leases@example.com" }, create: { email: "leases@example.com", passwordHash: "-" }, update: {} });
  const job = await db.syncJob.create({
    data: {
      sourceRegion: "cn-north-4",
      sourceNamespace: "team-a",
      sourceRepository: "nginx",
      targetRegion: "cn-east-3",
      targetNamespace: "team-a",
      createdById: user.id,
      total: tags,
      requestHash: randomUUID(),
      tasks: { createMany: { data: Array.from({ length: tags }, (_, i) => ({ tag: `t${i}`, status })) } },
    },
  });
  return job.id;
}

const at = (ms: number) => new Date(Date.now() + ms);

describe("leases", () => {
  it("engines racing for one job's tasks never both get one", async () => {
    const jobId = await newJob(12);
    const claims = await Promise.all(clients.map((c, i) => claimJobTasks(c, jobId, `engine-${i}`, new Date(), 60_000)));
    const ids = claims.flatMap((tasks) => tasks.map((t) => t.id));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    const owners = await db.syncTask.findMany({ where: { jobId }, select: { id: true, leaseOwner: true } });
    for (const [i, tasks] of claims.entries()) for (const t of tasks) expect(owners.find((o) => o.id === t.id)?.leaseOwner).toBe(`engine-${i}`);
  });

  it("a held lease keeps others out until it expires; then the work is taken over", async () => {
    const jobId = await newJob(2);
    expect(await claimJobTasks(db, jobId, "dead-engine", new Date(), 200)).toHaveLength(2);
    expect(await findDueJobIds(db, new Date(), 100)).not.toContain(jobId);
    expect(await claimJobTasks(db, jobId, "engine-b", new Date(), 60_000)).toHaveLength(0);
    expect(await claimJobTasks(db, jobId, "engine-b", at(250), 60_000)).toHaveLength(2);
  });

  it("released tasks are due again at their next check, finished ones never", async () => {
    const jobId = await newJob(2);
    const [a, b] = await claimJobTasks(db, jobId, "engine-a", new Date(), 60_000);
    await applyChanges(db, jobId, "engine-a", [{ task: b!, path: ["failed"], fields: { lastErrorCode: "x", lastErrorMessage: "y" } }], new Date());
    await releaseTasks(db, "engine-a", new Map([[a!.id, at(500)], [b!.id, null]]));

    expect(await findDueJobIds(db, new Date(), 100)).not.toContain(jobId);
    expect((await claimJobTasks(db, jobId, "engine-b", at(600), 60_000)).map((t) => t.tag)).toEqual([a!.tag]);
    expect(await db.syncJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "running", failed: 1 });
  });

  it("only the lease holder changes a task", async () => {
    const jobId = await newJob(1);
    const [task] = await claimJobTasks(db, jobId, "engine-a", new Date(), 60_000);
    const moved = await applyChanges(db, jobId, "engine-b", [{ task: task!, path: ["submitted"], fields: {} }], new Date());
    expect(moved.size).toBe(0);
    expect((await db.syncTask.findUniqueOrThrow({ where: { id: task!.id } })).status).toBe("queued");
  });

  it("a transition the state machine forbids is refused", async () => {
    const jobId = await newJob(1);
    const [task] = await claimJobTasks(db, jobId, "engine-a", new Date(), 60_000);
    await expect(applyChanges(db, jobId, "engine-a", [{ task: task!, path: ["succeeded"], fields: {} }], new Date())).rejects.toThrow(/cannot go from queued to succeeded/);
  });
});
