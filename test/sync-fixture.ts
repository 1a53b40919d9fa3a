// Integration fixture for engine tests: a migrated test database, the SWR simulator over HTTP, and helpers.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { chunk } from "@/lib/collections";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { databaseProvider } from "@/lib/db/database-url";
import { prismaCode } from "@/lib/db/prisma-errors";
import { createSwrClient, type SwrClient } from "@/lib/swr/client";
import type { SwrClientConfig } from "@/lib/swr/config";
import { projectIdOf, SERVED_REGIONS } from "@/simulator/regions";
import { SEED } from "@/simulator/seed";
import { type RunningSimulator, startSimulator } from "@/simulator/server";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import type { SyncEngineConfig } from "@/lib/sync/config";
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from "@/lib/sync/engine";
import type { SyncLogger, SyncSwr } from "@/lib/sync/context";
import { isTaskState, isTerminal } from "@/lib/jobs/states";
import { planTasks, type PlannedTask } from "@/lib/jobs/plan";
import type { JobRequest } from "@/lib/jobs/schemas";
import { createJobIn } from "@/lib/jobs/store";

/** The time limit of the fixture's SWR clients' calls. */
const CLIENT_TIMEOUT_MS = 3_000;

/** Fast settings: tests wait milliseconds where production waits seconds. */
export const FAST_CONFIG: Partial<SyncEngineConfig> = {
  pollMs: 30,
  tickMs: 10,
  leaseMs: 2_000,
  recordWindowMs: 5_000,
  // A call without an answer may land for as long as the client waited for it: never less (as in production).
  landingSlackMs: CLIENT_TIMEOUT_MS,
  noProgressMs: 20_000,
  backoffBaseMs: 20,
  backoffMaxMs: 100,
  maxRetryAfterMs: 50,
};

export const quietLog: SyncLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface SyncFixture {
  sim: RunningSimulator;
  database: TestDatabase;
  /**
   * The test's own client. On PostgreSQL each engine gets another, like separate server processes; on
   * SQLite they share it, because better-sqlite3 blocks the thread while waiting for a lock, so two
   * connections in one process would stall each other (separate processes would not).
   */
  db: Db;
  swr: SwrClient;
  client(overrides?: Partial<SwrClientConfig>): SwrClient;
  engine(options?: Partial<SyncEngineOptions>): SyncEngine;
  close(): Promise<void>;
}

export async function startSyncFixture(syncDelayMs = 5): Promise<SyncFixture> {
  const [database, sim] = await Promise.all([createTestDatabase(), startSimulator({ port: 0, syncDelayMs })]);
  const clients: Db[] = [];
  const engines: SyncEngine[] = [];
  const newDb = () => {
    if (clients[0] && databaseProvider(database.url) === "sqlite") return clients[0];
    const c = createPrismaClient(database.url);
    clients.push(c);
    return c;
  };
  const client = (overrides: Partial<SwrClientConfig> = {}) =>
    createSwrClient({
      credentials: { kind: "aksk", ak: sim.credentials.ak, sk: sim.credentials.sk },
      swrEndpointTemplate: sim.endpointTemplate,
      iamEndpointTemplate: sim.endpointTemplate,
      // Known project IDs keep IAM lookups out of the request counts.
      projectIds: Object.fromEntries(SERVED_REGIONS.map((r) => [r, projectIdOf(r)])),
      timeoutMs: CLIENT_TIMEOUT_MS,
      retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 20 },
      ...overrides,
    });
  const swr = client();
  return {
    sim,
    database,
    db: newDb(),
    swr,
    client,
    engine(options = {}) {
      const engine = createSyncEngine({ db: newDb(), swr, log: quietLog, ...options, config: { ...FAST_CONFIG, ...options.config } });
      engines.push(engine);
      return engine;
    },
    async close() {
      for (const e of engines) e.halt();
      await Promise.all(clients.map((c) => c.$disconnect()));
      await sim.close();
      await database.drop();
    },
  };
}

export interface JobSpec {
  sourceRegion?: string;
  sourceNamespace?: string;
  sourceRepository: string;
  targetRegion: string;
  targetNamespace: string;
  tags: string[];
  override?: boolean;
}

/**
 * The user the fixture's jobs belong to. Jobs made at once race to create it, and PostgreSQL runs Prisma's upsert
 * as a read then an insert: the loser of the race reads the winner's row.
 */
async function engineUser(fx: SyncFixture) {
  const where = { email: "engine@example.com" };
  try {
    return await fx.db.user.upsert({ where, create: { ...where, passwordHash: "-" }, update: {} });
  } catch (error) {
    if (prismaCode(error) === "P2002") return fx.db.user.findUniqueOrThrow({ where });
    throw error;
  }
}

/** A job with one queued task per tag, as POST /api/jobs writes it (source digests read from SWR). */
export async function createJob(fx: SyncFixture, spec: JobSpec): Promise<string> {
  const sourceRegion = spec.sourceRegion ?? SEED.regions.source;
  const sourceNamespace = spec.sourceNamespace ?? SEED.namespaces.teamA;
  const user = await engineUser(fx);
  // A few tags are looked up one by one; many are read with one walk of the source.
  const found =
    spec.tags.length <= 20
      ? (await Promise.all(spec.tags.map((tag) => fx.swr.findTag(sourceRegion, sourceNamespace, spec.sourceRepository, tag)))).flatMap((t) => (t ? [t] : []))
      : (await fx.swr.listAllTags(sourceRegion, sourceNamespace, spec.sourceRepository, {}, { pageSize: 1000, maxItems: 200_000 })).items;
  const digests = new Map(found.map((t) => [t.Tag, t.digest] as const));
  const job = await fx.db.syncJob.create({
    data: {
      sourceRegion,
      sourceNamespace,
      sourceRepository: spec.sourceRepository,
      targetRegion: spec.targetRegion,
      targetNamespace: spec.targetNamespace,
      override: spec.override ?? false,
      createdById: user.id,
      total: spec.tags.length,
      queued: spec.tags.length,
      nextRoundAt: new Date(),
      requestHash: randomUUID(),
    },
  });
  for (const part of chunk(spec.tags, 200)) {
    await fx.db.syncTask.createMany({ data: part.map((tag) => ({ jobId: job.id, repository: spec.sourceRepository, targetRegion: spec.targetRegion, targetNamespace: spec.targetNamespace, tag, sourceDigest: digests.get(tag) ?? null })) });
  }
  return job.id;
}

/**
 * A job over several repositories and targets, planned the way POST /api/jobs plans it (one walk per source
 * and target repository) and written with the store's createJob on the fixture's database.
 */
export async function createPlannedJob(fx: SyncFixture, request: Omit<JobRequest, "single">): Promise<{ jobId: string; tasks: PlannedTask[] }> {
  const user = await fx.db.user.upsert({ where: { email: "engine@example.com" }, create: { email: "engine@example.com", passwordHash: "-" }, update: {} });
  const tasks = await planTasks({ ...request, single: false }, fx.swr, 50_000);
  const created = await createJobIn(fx.db, {
    sourceRegion: request.source.region,
    sourceNamespace: request.source.namespace,
    repositories: request.repositories.map((r) => r.name),
    targets: request.targets,
    override: request.override,
    tagSelector: null,
    createdById: user.id,
    tasks,
    requestHash: randomUUID(),
  });
  if (created.kind !== "created") throw new Error("expected a new job");
  return { jobId: created.id, tasks };
}

export async function tasksOf(db: Db, jobId: string) {
  return db.syncTask.findMany({ where: { jobId }, orderBy: [{ tag: "asc" }, { repository: "asc" }, { targetRegion: "asc" }] });
}

const done = (tasks: { status: string }[]) => tasks.every((t) => isTaskState(t.status) && isTerminal(t.status));

/** Ticks the engines until every task of the job has finished; `rounds` counts the job's rounds they worked. */
export async function settle(fx: SyncFixture, engines: SyncEngine[], jobId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let rounds = 0;
  for (;;) {
    for (const r of await Promise.all(engines.map((e) => e.runOnce()))) rounds += r.jobs;
    const tasks = await tasksOf(fx.db, jobId);
    if (done(tasks)) return { tasks, rounds, job: await fx.db.syncJob.findUniqueOrThrow({ where: { id: jobId } }) };
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish: ${tasks.map((t) => `${t.tag}=${t.status}`).join(", ")}`);
    await sleep(10);
  }
}

/** Waits, without ticking, until the running engines have finished the job. */
export async function waitForJob(fx: SyncFixture, jobId: string, timeoutMs = 15_000) {
  return settle(fx, [], jobId, timeoutMs);
}

const simJobsSchema = z.array(z.object({ region: z.string(), namespace: z.string(), repoName: z.string(), tag: z.string() }));

/** How many sync jobs SWR (the simulator) started per tag of a source repository: the submissions that landed. */
export async function submissionsPerTag(fx: SyncFixture, repository: string, namespace: string = SEED.namespaces.teamA): Promise<Map<string, number>> {
  const res = await fetch(`${fx.sim.url}/__sim/jobs`);
  const jobs = simJobsSchema.parse(await res.json());
  const counts = new Map<string, number>();
  for (const j of jobs) if (j.namespace === namespace && j.repoName === repository) counts.set(j.tag, (counts.get(j.tag) ?? 0) + 1);
  return counts;
}

const statsSchema = z.object({ total: z.number(), operations: z.record(z.string(), z.number()) });

/** The simulator's request counts; `reset` starts them afresh (plain fetches, so benchmarks can use them outside vitest). */
export async function simStats(fx: SyncFixture, reset = false): Promise<z.infer<typeof statsSchema>> {
  const res = await fetch(`${fx.sim.url}/__sim/stats`, { method: reset ? "DELETE" : "GET" });
  return statsSchema.parse(await res.json());
}

export interface DyingSwr {
  /** The fixture's SWR, except that call number `at` of sync_images reaches SWR and then never answers. */
  swr: SyncSwr;
  /** sync_images calls made so far. */
  calls(): number;
  /** Lets the hung call fail, as the dead process's last promise would. */
  crash(): void;
}

/** An SWR through which a process "dies" right after its `at`-th sync_images call reached SWR, before it could write that down. */
export function dyingAfter(fx: SyncFixture, at: number): DyingSwr {
  let calls = 0;
  let crash!: (e: Error) => void;
  const dead = new Promise<never>((_, reject) => (crash = reject));
  return {
    swr: {
      ...fx.swr,
      createManualSync: async (...args) => {
        const receipt = await fx.swr.createManualSync(...args);
        return ++calls === at ? dead : receipt;
      },
    },
    calls: () => calls,
    crash: () => crash(new Error("process died")),
  };
}

export interface GatedSwr {
  /** `client`, except that a sync_images call `holds` picks waits, before it goes out, until `open()`. */
  swr: SwrClient;
  /** Resolves when the first held call arrives. */
  reached: Promise<void>;
  open(): void;
}

/** Holds chosen sync_images calls (numbered from 1 in the order they are made) at a gate the test opens. */
export function gatedSyncCalls(client: SwrClient, holds: (call: number, args: Parameters<SwrClient["createManualSync"]>) => boolean): GatedSwr {
  let calls = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return {
    swr: {
      ...client,
      createManualSync: async (...args) => {
        if (holds(++calls, args)) {
          reach();
          await opened;
        }
        return client.createManualSync(...args);
      },
    },
    reached,
    open,
  };
}

/** Waits until `count()` reaches `n` or `timeoutMs` has passed; returns the last count. */
export async function countReaches(count: () => Promise<number>, n: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let now = await count();
  while (now < n && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    now = await count();
  }
  return now;
}
