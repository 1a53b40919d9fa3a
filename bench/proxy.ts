// Proxy ratio: the app's tag and repository list routes against the same SWR call made directly (signed with the app's
// AK/SK and sent straight to the simulator), in one run, both sides alternating round by round.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { canonicalQueryString, signRequest, type Query } from "@/lib/swr/signing";
import { startStack, type SwrFront } from "@/scripts/lib/stack";
import { projectIdOf } from "@/simulator/regions";
import { AppClient } from "./app-client";
import type { Cleanup } from "./cleanup";
import { createBenchDatabase } from "./databases";
import { checkProxyTargets, type ProxyCheck, type ProxyMeasurement, type ProxyRound, proxyFigures } from "./proxy-figures";
import { freePort, type BenchSettings } from "./scenario";
import { createRepository, setFaults } from "./sim-fixtures";
import { startSimulatorProcess } from "./sim-process";

const REGION = "cn-north-4";
const NAMESPACE = "bench-proxy";
/** SWR's answer time the ratios are taken at: a realistic round trip to SWR from a server in the same region. */
const SWR_LATENCY_MS = 30;

interface Scenario {
  name: string;
  /** The app's route, as the dashboard asks it (its default page size). */
  appPath: string;
  /** The SWR call that route makes, with the same query. */
  swrPath: string;
  swrQuery: Query;
}

const repoPath = (repository: string) => `/v2/manage/namespaces/${NAMESPACE}/repos/${repository}/tags`;
const TAG_QUERY = { limit: "100", offset: "0", order_column: "updated_at", order_type: "desc" };

const SCENARIOS: Scenario[] = [
  {
    name: "tags-5",
    appPath: `/api/tags?region=${REGION}&namespace=${NAMESPACE}&repository=five`,
    swrPath: repoPath("five"),
    swrQuery: TAG_QUERY,
  },
  {
    name: "tags-100",
    appPath: `/api/tags?region=${REGION}&namespace=${NAMESPACE}&repository=hundred`,
    swrPath: repoPath("hundred"),
    swrQuery: TAG_QUERY,
  },
  {
    name: "repositories-20",
    appPath: `/api/repositories?region=${REGION}&namespace=${NAMESPACE}`,
    swrPath: "/v2/manage/repos",
    swrQuery: { namespace: NAMESPACE, limit: "20", offset: "0", order_column: "updated_time", order_type: "desc" },
  },
];

/** Rounds per measurement, and requests per side and round. */
const ROUNDS = 4;
const REQUESTS = { 1: 60, 10: 300 } as const;
const OVERHEAD_REQUESTS = 200;
const WARM_UP_REQUESTS = 30;

type Send = () => Promise<void>;

async function expectOk(res: Response, what: string): Promise<void> {
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
}

/** `requests` calls of `send` from `clients` concurrent clients, each waiting for its answer before the next; the latencies. */
async function batch(send: Send, clients: number, requests: number): Promise<number[]> {
  const latencies: number[] = [];
  let left = requests;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left > 0) {
        left--;
        const started = performance.now();
        await send();
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

/** ROUNDS rounds of both sides, the side that goes first alternating. */
async function measure(app: Send, direct: Send, clients: number, requests: number): Promise<ProxyRound[]> {
  const rounds: ProxyRound[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const r: ProxyRound = { appMs: [], directMs: [] };
    if (round % 2 === 0) {
      r.appMs = await batch(app, clients, requests);
      r.directMs = await batch(direct, clients, requests);
    } else {
      r.directMs = await batch(direct, clients, requests);
      r.appMs = await batch(app, clients, requests);
    }
    rounds.push(r);
  }
  return rounds;
}

export interface ProxyBench {
  latencyMs: number;
  measurements: ProxyMeasurement[];
  targets: ProxyCheck[];
}

/**
 * A fresh SQLite stack whose SWR is the simulator in a process of its own (the stack's in-process simulator stays
 * idle), so that neither side shares an event loop with SWR; every scenario at SWR_LATENCY_MS with 1 and 10 clients,
 * then at no latency.
 */
export async function runProxyBench(settings: BenchSettings, cleanup: Cleanup): Promise<ProxyBench> {
  const database = createBenchDatabase("sqlite", settings.pgBaseUrl, settings.tempDir);
  const dropDatabase = cleanup.add("drop the proxy bench database", database.drop);
  let swr: SwrFront | undefined;
  const stack = await startStack({
    databaseUrl: database.url,
    appPort: await freePort(),
    nextAuthSecret: randomBytes(32).toString("base64url"),
    simulator: { port: 0, syncDelayMs: settings.syncDelayMs },
    swrFront: async () =>
      (swr = await startSimulatorProcess({
        port: await freePort(),
        syncDelayMs: settings.syncDelayMs,
        logFile: path.join(settings.tempDir, "sim-proxy.log"),
      })),
    appLogFile: path.join(settings.tempDir, "app-proxy.log"),
    env: settings.appEnv,
  }).catch(async (error: unknown) => {
    await dropDatabase();
    throw error;
  });
  const stopStack = cleanup.add("stop the proxy bench stack", stack.stop);
  try {
    if (!swr) throw new Error("the simulator process did not start");
    const sim = { url: swr.url, endpointTemplate: `${swr.url}/{region}`, credentials: stack.simulator.credentials };
    await createRepository(sim.url, { region: REGION, namespace: NAMESPACE, repository: "five", tags: 5 });
    await createRepository(sim.url, { region: REGION, namespace: NAMESPACE, repository: "hundred", tags: 100 });
    for (let i = 1; i <= 18; i++)
      await createRepository(sim.url, { region: REGION, namespace: NAMESPACE, repository: `repo-${String(i).padStart(2, "0")}`, tags: 1 });

    const viewer = DEMO_USERS.find((u) => u.role === "viewer");
    if (!viewer) throw new Error("no demo viewer in lib/db/demo-users.ts");
    const client = new AppClient(stack.appUrl, settings.metricsToken);
    await client.signIn(viewer.email, viewer.password);
    const cookie = client.cookieHeader();
    const endpoint = new URL(sim.endpointTemplate.replace("{region}", REGION));

    const sides = (s: Scenario): { app: Send; direct: Send } => ({
      app: async () => expectOk(await fetch(new URL(s.appPath, stack.appUrl), { headers: { Cookie: cookie } }), s.appPath),
      direct: async () => {
        const signedPath = `${endpoint.pathname}${s.swrPath}`;
        const headers = signRequest({
          method: "GET",
          host: endpoint.host,
          path: signedPath,
          query: s.swrQuery,
          headers: { "Content-Type": "application/json", "X-Project-Id": projectIdOf(REGION) },
          ak: sim.credentials.ak,
          sk: sim.credentials.sk,
        });
        const url = `${endpoint.origin}${signedPath}?${canonicalQueryString(s.swrQuery)}`;
        await expectOk(await fetch(url, { headers }), s.swrPath);
      },
    });

    const measurements: ProxyMeasurement[] = [];
    const run = async (s: Scenario, latencyMs: number, clients: 1 | 10, requests: number) => {
      process.stdout.write(`▶ proxy ratio, ${s.name}, SWR ${latencyMs} ms, ${clients} client${clients === 1 ? "" : "s"} … `);
      const { app, direct } = sides(s);
      const figures = proxyFigures(await measure(app, direct, clients, requests));
      if (!figures) throw new Error(`no latencies for ${s.name}`);
      console.log(`app ${figures.appP50.toFixed(1)} ms, direct ${figures.directP50.toFixed(1)} ms`);
      measurements.push({ scenario: s.name, latencyMs, clients, figures });
    };

    for (const s of SCENARIOS) {
      const { app, direct } = sides(s);
      await batch(app, 1, WARM_UP_REQUESTS);
      await batch(direct, 1, WARM_UP_REQUESTS);
    }
    await setFaults(sim.url, { seed: 1, rules: [{ kind: "latency", ms: SWR_LATENCY_MS }] });
    for (const clients of [1, 10] as const) for (const s of SCENARIOS) await run(s, SWR_LATENCY_MS, clients, REQUESTS[clients]);
    await setFaults(sim.url, { seed: 1, rules: [] });
    for (const s of SCENARIOS) await run(s, 0, 1, OVERHEAD_REQUESTS);
    return { latencyMs: SWR_LATENCY_MS, measurements, targets: checkProxyTargets(measurements) };
  } finally {
    await stopStack();
    await dropDatabase();
  }
}
