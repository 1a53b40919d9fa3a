// One scenario: a fresh database and stack (simulator → counting proxy → `next start`), one measured sync job, its figures.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { startStack } from "@/scripts/lib/stack";
import { AppClient, sumSeries, type JobAnswer, type JobRequest } from "./app-client";
import type { Cleanup } from "./cleanup";
import { createBenchDatabase, readPgCounters, type BenchDb, type PgCounters } from "./databases";
import { cpuSeconds, residentBytes, sampleRss } from "./process-sampler";
import { createNamespace, createRepository, setFaults, type SimFaults } from "./sim-fixtures";
import { startCountingProxy, trafficBetween, type CountingProxy, type SwrTraffic } from "./swr-proxy";

export interface BenchSettings {
  syncDelayMs: number;
  pollMs: number;
  chunkSize: number;
  /** How often the bench refreshes the job, as the job page does. */
  refreshMs: number;
  pgBaseUrl: string;
  tempDir: string;
  metricsToken: string;
  /** Extra environment for the app (SYNC_POLL_MS, METRICS_TOKEN, …). */
  appEnv: Record<string, string>;
}

export interface ScenarioSpec {
  db: BenchDb;
  /** Tasks of the measured job (tags × targets). */
  tags: number;
  /** A job over several repositories of one namespace and several targets, `tags` split evenly among them. */
  shape?: { repositories: number; targets: number };
  run: number;
  timeoutMs: number;
  /** Simulator faults for the measured job (set after the warm-up), and how often its progress is looked at then. */
  faults?: { mix: string; config: SimFaults; refreshMs: number };
}

export interface Refresh {
  /** The `?since=` answer, plus the page of tasks the job page reloads when the answer is incomplete. */
  bytes: number;
  /** Tasks listed in `changes`; null when the answer had no `changes` (the whole job came back). */
  changed: number | null;
  /** False when too many tasks changed to list (the page then reloads its page of tasks). */
  complete: boolean | null;
  succeeded: number;
  failed: number;
  /** Tags not yet sent to SWR (queued; a retry waiting for its time is not queued). */
  queued: number;
  /** When the answer came (Date.now()). */
  at: number;
}

export interface ScenarioResult extends ScenarioSpec {
  outcome: "settled" | "timeout" | "error";
  error?: string;
  jobStatus?: string;
  succeeded?: number;
  failed?: number;
  /** finishedAt − createdAt as the app recorded them; wallMs is what the bench saw (to `live: false`). */
  durationMs?: number;
  wallMs?: number;
  rounds?: number;
  swr?: SwrTraffic;
  /** From GET /api/metrics: rows written and write transactions (explicit + autocommit) during the job. */
  app?: {
    rows: { insert: number; update: number; delete: number };
    transactions: { explicit: number; autocommit: number };
  };
  pg?: PgCounters;
  /** The job page's refreshes, every `refreshMs`. */
  refreshes?: Refresh[];
  /** A `?since=` refresh listing all 100 tasks of the warm-up job: the page's refresh when 100 tasks changed. */
  upTo100?: Refresh;
  rss?: { idleBytes: number; peakBytes: number };
  appCpuSeconds?: number;
}

const SOURCE_REGION = "cn-north-4";
const TARGET_REGION = "cn-south-1";
/** Targets of a job over several targets, in this order. */
const TARGET_REGIONS = ["cn-south-1", "cn-east-3", "ap-southeast-1"];
const SOURCE_NAMESPACE = "bench-src";

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const operator = () => {
  const user = DEMO_USERS.find((u) => u.role === "operator");
  if (!user) throw new Error("no demo operator in lib/db/demo-users.ts");
  return user;
};

/** How long an answer may say `live: false` before the job row has its finishedAt (the round's last write). */
const FINISHED_AT_WAIT_MS = 5_000;

function toRefresh({ answer, bytes }: { answer: JobAnswer; bytes: number }, taskPageBytes = 0): Refresh {
  return {
    bytes: bytes + taskPageBytes,
    changed: answer.changes?.tasks.length ?? null,
    complete: answer.changes?.complete ?? null,
    succeeded: answer.job.counts.succeeded,
    failed: answer.job.counts.failed,
    queued: answer.job.counts.queued,
    at: Date.now(),
  };
}

/** Refreshes the job as the job page does (`?since=` the last version) until it settles or `deadline` passes. */
async function followJob(app: AppClient, id: string, refreshMs: number, deadline: number) {
  const refreshes: Refresh[] = [];
  let { answer } = await app.getJob(id);
  // The page shows the first 100 tags; its refreshes ask only for changes up to the last of them.
  const page = await app.firstTaskPage(id);
  const window = page.complete ? {} : { to: page.lastTag };
  while (answer.job.live && Date.now() < deadline) {
    await sleep(refreshMs);
    const next = await app.getJob(id, answer.job.version, window);
    answer = next.answer;
    // Too many changes to list: the job page reloads the page of tasks it shows.
    const reload = answer.changes?.complete === false ? (await app.firstTaskPage(id)).bytes : 0;
    refreshes.push(toRefresh(next, reload));
  }
  const settledAt = Date.now();
  while (!answer.job.live && answer.job.finishedAt === null && Date.now() - settledAt < FINISHED_AT_WAIT_MS) {
    await sleep(100);
    ({ answer } = await app.getJob(id));
  }
  return { answer, refreshes, settledAt };
}

function appCounters(samples: Map<string, number>) {
  const rows = (op: string) => sumSeries(samples, "swr_sync_db_rows_written_total", { op });
  const tx = (kind: string) => sumSeries(samples, "swr_sync_db_transactions_total", { kind });
  return {
    rows: { insert: rows("insert"), update: rows("update"), delete: rows("delete") },
    transactions: { explicit: tx("explicit"), autocommit: tx("autocommit") },
  };
}

/** `after − before`, key by key. */
function difference<T extends Record<string, number>>(after: T, before: T): T {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)])) as T;
}

/** A source repository of `tags` generated tags and an empty target namespace; resolves to the request for a whole-repository job. */
async function prepareJob(
  simUrl: string,
  repository: string,
  tags: number,
  targetNamespace: string,
): Promise<JobRequest> {
  await createRepository(simUrl, { region: SOURCE_REGION, namespace: SOURCE_NAMESPACE, repository, tags });
  await createNamespace(simUrl, TARGET_REGION, targetNamespace);
  return {
    sourceRegion: SOURCE_REGION,
    sourceNamespace: SOURCE_NAMESPACE,
    sourceRepository: repository,
    targetRegion: TARGET_REGION,
    targetNamespace,
    override: false,
    tagSelector: { all: true },
  };
}

/** Repositories of `tags ÷ (repositories × targets)` generated tags each, and a target namespace per target region. */
async function prepareMultiJob(simUrl: string, spec: ScenarioSpec & { shape: { repositories: number; targets: number } }): Promise<JobRequest> {
  const { repositories, targets } = spec.shape;
  if (targets > TARGET_REGIONS.length) throw new Error(`the bench has ${TARGET_REGIONS.length} target regions, not ${targets}`);
  const perRepository = spec.tags / (repositories * targets);
  if (!Number.isInteger(perRepository)) throw new Error(`${spec.tags} tasks do not split evenly over ${repositories} repositories × ${targets} targets`);
  const namespace = `bench-multi-${spec.run}`;
  const names = Array.from({ length: repositories }, (_, i) => `repo-${String(i + 1).padStart(2, "0")}`);
  for (const name of names) await createRepository(simUrl, { region: SOURCE_REGION, namespace, repository: name, tags: perRepository });
  const regions = TARGET_REGIONS.slice(0, targets);
  for (const region of regions) await createNamespace(simUrl, region, namespace);
  return {
    source: { region: SOURCE_REGION, namespace },
    repositories: names.map((name) => ({ name, tagSelector: { all: true } })),
    targets: regions.map((region) => ({ region, namespace })),
    override: false,
  };
}

const WARM_UP_TAGS = 100;

/**
 * Syncs 100 tags first, so that the measured job finds routes loaded, the IAM project known and the engine awake.
 * Resolves to a refresh `?since=` before the warm-up job began: it lists all 100 tasks, the target's worst case.
 */
async function warmUp(app: AppClient, simUrl: string, deadline: number): Promise<Refresh> {
  const id = await app.createJob(await prepareJob(simUrl, "warm-up", WARM_UP_TAGS, "bench-warm-up"));
  const { answer } = await followJob(app, id, 250, deadline);
  if (answer.job.live) throw new Error(`the warm-up job (${WARM_UP_TAGS} tags) did not settle in time`);
  await app.metrics();
  return toRefresh(await app.getJob(id, String(Date.parse(answer.job.createdAt) - 1)));
}

export async function runScenario(
  spec: ScenarioSpec,
  settings: BenchSettings,
  cleanup: Cleanup,
): Promise<ScenarioResult> {
  const deadline = Date.now() + spec.timeoutMs;
  const database = createBenchDatabase(spec.db, settings.pgBaseUrl, settings.tempDir);
  const dropDatabase = cleanup.add(`drop the ${spec.db} database`, database.drop);
  const shape = spec.shape ? `-${spec.shape.repositories}x${spec.shape.targets}` : "";
  const logFile = path.join(settings.tempDir, `app-${spec.db}-${spec.tags}${shape}-${spec.faults?.mix ?? "plain"}-${spec.run}.log`);
  let proxy: CountingProxy | undefined;
  const stack = await startStack({
    databaseUrl: database.url,
    appPort: await freePort(),
    nextAuthSecret: randomBytes(32).toString("base64url"),
    simulator: { port: 0, syncDelayMs: settings.syncDelayMs },
    swrFront: async (simulator) => (proxy = await startCountingProxy(simulator.url)),
    appLogFile: logFile,
    env: settings.appEnv,
  }).catch(async (error: unknown) => {
    await dropDatabase();
    throw error;
  });
  const stopStack = cleanup.add("stop the stack", stack.stop);
  const result: ScenarioResult = { ...spec, outcome: "error" };
  try {
    if (!proxy) throw new Error("the counting proxy did not start");
    const app = new AppClient(stack.appUrl, settings.metricsToken);
    await app.signIn(operator().email, operator().password);
    const upTo100 = await warmUp(app, stack.simulator.url, deadline);

    const request = spec.shape
      ? await prepareMultiJob(stack.simulator.url, { ...spec, shape: spec.shape })
      : await prepareJob(stack.simulator.url, `app-${spec.tags}`, spec.tags, `bench-${spec.db}-${spec.tags}-${spec.run}`);
    await sleep(1_000);
    const idleBytes = residentBytes(stack.pid) ?? 0;
    const pgBefore = spec.db === "postgres" ? await readPgCounters(database.url) : undefined;
    const appBefore = appCounters(await app.metrics());
    const swrBefore = proxy.traffic();
    const cpuBefore = cpuSeconds(stack.pid) ?? 0;
    const rss = sampleRss(stack.pid);

    if (spec.faults) await setFaults(stack.simulator.url, spec.faults.config);
    const started = Date.now();
    const jobId = await createJob(app, request, spec.faults ? FAULTY_CREATE_TRIES : 1);
    const { answer, refreshes, settledAt } = await followJob(app, jobId, spec.faults?.refreshMs ?? settings.refreshMs, deadline);
    result.wallMs = settledAt - started;

    result.rss = { idleBytes, peakBytes: rss.stop() };
    result.appCpuSeconds = (cpuSeconds(stack.pid) ?? cpuBefore) - cpuBefore;
    result.swr = trafficBetween(swrBefore, proxy.traffic());
    const appAfter = appCounters(await app.metrics());
    result.app = {
      rows: difference(appAfter.rows, appBefore.rows),
      transactions: difference(appAfter.transactions, appBefore.transactions),
    };
    if (pgBefore) result.pg = difference(await readPgCounters(database.url), pgBefore);
    Object.assign(result, jobFigures(answer, result.wallMs, settings));
    result.refreshes = refreshes;
    result.upTo100 = upTo100;
    result.outcome = answer.job.live ? "timeout" : "settled";
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    result.error += `\n  app log: ${tail(logFile)}`;
  } finally {
    await stopStack();
    await dropDatabase();
  }
  return result;
}

/** With faults, listing the source's tags for a new job may fail too; the same request again is safe (it answers the job it started). */
const FAULTY_CREATE_TRIES = 5;

async function createJob(app: AppClient, request: JobRequest, tries: number): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await app.createJob(request);
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

function jobFigures(answer: JobAnswer, wallMs: number, settings: BenchSettings): Partial<ScenarioResult> {
  const { job } = answer;
  const durationMs = job.finishedAt ? Date.parse(job.finishedAt) - Date.parse(job.createdAt) : undefined;
  return {
    jobStatus: job.status,
    succeeded: job.counts.succeeded,
    failed: job.counts.failed,
    durationMs,
    // Engine rounds the job lived through, at one per poll interval.
    rounds: Math.max(1, Math.ceil((durationMs ?? wallMs) / settings.pollMs)),
  };
}

/** The last lines of the app's log, for an error report. */
function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n    ");
  } catch {
    return "(none)";
  }
}
