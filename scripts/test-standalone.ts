// npm run test:standalone (after `next build`) — the shipped server, `node .next/standalone/server.js`, run the way a
// team runs it: a pipeline's API token (made through the API) starts a job, an admin's webhook hears its outcome, and
// the instance working it is stopped with SIGTERM in the middle: it exits within 10 s, lets go of the job at once,
// another instance finishes it within a poll interval (plus a margin), SWR receives each tag exactly once, the
// signed webhook arrives once, and the readiness probe and the metrics of the instance that finished it say so.
// On PostgreSQL two instances share the database; on SQLite, which suits one process, the one instance is stopped
// and a new one started on the same file.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { databaseProvider, redactUrl } from "@/lib/db/database-url";
import { createPrismaClient } from "@/lib/db/create-client";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { seedDemoUsers } from "@/prisma/seed";
import { bigRepoTagName, SEED } from "@/simulator/seed";
import { startSimulator } from "@/simulator/server";
import { createTestDatabase } from "@/test/db";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { startApp, type AppOptions, type RunningApp } from "./lib/stack";

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const APP_PORT_2 = Number(process.env.E2E_APP_PORT_2 ?? APP_PORT + 10);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110);
const TAG_COUNT = 200;
const METRICS_TOKEN = "standalone-metrics-token";
const WEBHOOK_SECRET = "standalone-webhook-secret";
const POLL_MS = 500;
// Far longer than the test's margins: a takeover within them comes from the release, not from the lease expiring.
const LEASE_MS = 60_000;
const EXIT_LIMIT_MS = 10_000;
const TAKEOVER_MARGIN_MS = 3_000;
// A freshly started server's first tick comes after its own start-up work (first database connection, SWR client).
const RESTART_MARGIN_MS = 8_000;
// Each sync_images call takes this long, so that submitting 200 tags in chunks of 2 spans several seconds.
const SUBMIT_LATENCY_MS = 250;

const { teamA } = SEED.namespaces;
const { repository } = SEED.bigRepository;
const tags = Array.from({ length: TAG_COUNT }, (_, i) => bigRepoTagName(i + 1));
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "swr-sync-standalone-"));

function step(message: string): void {
  console.log(`[test:standalone] ${message}`);
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** A signed-in demo user of `role`: next-auth's credentials sign-in, cookies kept by hand. */
async function signIn(appUrl: string, role: "operator" | "admin"): Promise<string> {
  const operator = DEMO_USERS.find((u) => u.role === role)!;
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: operator.email, password: operator.password, json: "true" }),
  });
  keep(res);
  const session = (await (await fetch(`${appUrl}/api/auth/session`, { headers: { cookie: cookie() } })).json()) as { user?: { role?: string } };
  assert.equal(session.user?.role, role, "sign-in failed");
  return cookie();
}

async function main() {
  const database = await createTestDatabase();
  const postgres = databaseProvider(database.url) === "postgres";
  step(`database ${redactUrl(database.url)}; ${postgres ? "two instances" : "one instance, restarted (SQLite)"}; logs in ${logDir}`);
  await seedDemoUsers(database.url);
  const sim = await startSimulator({ port: SIM_PORT, syncDelayMs: 300 });
  const receiver = await startWebhookReceiver({ secret: WEBHOOK_SECRET });
  const db = createPrismaClient(database.url);
  const apps = new Set<RunningApp>();
  const base: Omit<AppOptions, "port" | "env" | "logFile"> = {
    databaseUrl: database.url,
    nextAuthSecret: "standalone-test-secret-that-is-long-enough",
    swrEndpoint: sim.endpointTemplate,
    credentials: sim.credentials,
  };
  const start = async (id: string, port: number) => {
    const app = await startApp({
      ...base,
      port,
      logFile: path.join(logDir, `${id}.log`),
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        SYNC_INSTANCE_ID: id,
        SYNC_POLL_MS: String(POLL_MS),
        SYNC_LEASE_MS: String(LEASE_MS),
        SYNC_CHUNK_SIZE: "2",
        SWR_TIMEOUT_MS: "5000",
        METRICS_TOKEN,
        APP_ENCRYPTION_KEY: "bXVzdC1iZS10aGlydHktdHdvLWJ5dGVzLWxvbmctISE=",
        // The receiver listens on this machine.
        WEBHOOK_ALLOW_PRIVATE: "true",
        WEBHOOK_POLL_MS: "300",
      },
    });
    apps.add(app);
    return app;
  };
  try {
    await fetch(`${sim.url}/__sim/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rules: [{ kind: "latency", ms: SUBMIT_LATENCY_MS, operations: ["CreateManualImageSyncRepo"] }] }),
    }).then((r) => assert.ok(r.ok, `setting the simulator's latency failed: ${r.status}`));

    const instances = new Map<string, RunningApp>();
    const started = await Promise.all(postgres ? [start("a", APP_PORT), start("b", APP_PORT_2)] : [start("a", APP_PORT)]);
    started.forEach((app, i) => instances.set(i === 0 ? "a" : "b", app));
    const first = instances.get("a")!;
    step(`running: ${[...instances].map(([id, app]) => `${id} at ${app.url}`).join(", ")}`);

    // An admin points a webhook at the receiver; an operator makes a token for a pipeline, through the API.
    const adminCookie = await signIn(first.url, "admin");
    const hook = await fetch(`${first.url}/api/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: first.url, cookie: adminCookie },
      body: JSON.stringify({ name: "CI receiver", url: receiver.url, events: ["job.succeeded", "job.failed", "job.cancelled"], secret: WEBHOOK_SECRET }),
    });
    assert.equal(hook.status, 201, `creating the webhook: ${await hook.clone().text()}`);
    const cookie = await signIn(first.url, "operator");
    const minted = await fetch(`${first.url}/api/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: first.url, cookie },
      body: JSON.stringify({ name: "pipeline", expiresInDays: 1, role: "operator" }),
    });
    assert.equal(minted.status, 201, `creating the token: ${await minted.clone().text()}`);
    const { secret: token } = (await minted.json()) as { secret: string };

    // The pipeline: a bearer token, no cookie, no Origin.
    const created = await fetch(`${first.url}/api/jobs`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": "standalone-ci-1" },
      body: JSON.stringify({
        sourceRegion: SEED.bigRepository.region,
        sourceNamespace: teamA,
        sourceRepository: repository,
        targetRegion: SEED.regions.south,
        targetNamespace: teamA,
        tags,
        override: false,
      }),
    });
    assert.equal(created.status, 201, `creating the job: ${await created.clone().text()}`);
    const { job } = (await created.json()) as { job: { id: string } };
    const jobId = job.id;
    const submittedSoFar = () => db.syncTask.count({ where: { jobId, status: { in: ["submitted", "succeeded", "failed"] } } });

    // Mid-job: some tags sent, most not, and an instance holding the lease while it sends them.
    const holder = await waitFor("an instance holding the job in the middle of sending it", 30_000, async () => {
      const j = await db.syncJob.findUniqueOrThrow({ where: { id: jobId }, select: { leaseOwner: true } });
      const sent = await submittedSoFar();
      return j.leaseOwner && sent >= 10 && sent < TAG_COUNT / 2 ? j.leaseOwner : undefined;
    });
    const victim = instances.get(holder);
    assert.ok(victim, `the lease is held by "${holder}", not one of this test's instances`);
    const before = await submittedSoFar();
    step(`${holder} holds the job with ${before}/${TAG_COUNT} tags sent; SIGTERM`);

    const signalledAt = Date.now();
    process.kill(victim.pid, "SIGTERM");
    await sleep(150);
    const stillUp = await Promise.race([victim.exited.then(() => false), sleep(0).then(() => true)]);
    if (stillUp) {
      // It is letting go of its work: the port takes no new requests meanwhile.
      const answer = await fetch(`${victim.url}/login`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => `HTTP ${r.status}`,
        () => undefined,
      );
      assert.equal(answer, undefined, `the stopping instance still answered a new request (${answer})`);
    }
    const code = await Promise.race([victim.exited, sleep(EXIT_LIMIT_MS).then(() => "timeout" as const)]);
    const exitMs = Date.now() - signalledAt;
    assert.notEqual(code, "timeout", `${holder} did not exit within ${EXIT_LIMIT_MS} ms of SIGTERM`);
    assert.equal(code, 0, `${holder} exited with code ${String(code)}`);
    apps.delete(victim);
    instances.delete(holder);
    const released = await db.syncJob.findUniqueOrThrow({ where: { id: jobId }, select: { leaseOwner: true, nextRoundAt: true, finishedAt: true } });
    assert.notEqual(released.leaseOwner, holder, `${holder} exited still holding the lease`);
    const sentAtExit = await submittedSoFar();
    step(`${holder} exited (code 0) after ${exitMs} ms, ${sentAtExit}/${TAG_COUNT} tags sent, lease ${released.leaseOwner ? `with ${released.leaseOwner}` : "free"}`);
    assert.ok(sentAtExit < TAG_COUNT, "the job was sent whole before the stop; nothing left to hand over");

    let successor: string;
    if (postgres) {
      successor = [...instances.keys()][0]!;
    } else {
      // A new id, so that the takeover comes from the release, not from the same instance taking its own lease back.
      successor = "a2";
      instances.set(successor, await start(successor, APP_PORT));
    }
    const readyAt = Date.now();
    const limit = POLL_MS + (postgres ? TAKEOVER_MARGIN_MS : RESTART_MARGIN_MS);
    // Going on: it holds the job (working a round) or has sent more of it.
    const how = await waitFor(`${successor} going on with the job`, limit, async () => {
      const j = await db.syncJob.findUniqueOrThrow({ where: { id: jobId }, select: { leaseOwner: true } });
      if (j.leaseOwner === successor) return "took the lease";
      return (await submittedSoFar()) > sentAtExit ? "sent more tags" : undefined;
    });
    step(`${successor} ${how} ${Date.now() - readyAt} ms ${postgres ? "after the exit" : "after it started"} (limit ${limit} ms)`);

    const finisher = instances.get(successor)!;
    const done = await waitFor("the job's end", 60_000, async () => {
      const res = await fetch(`${finisher.url}/api/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 200, `reading the job with the token: HTTP ${res.status}`);
      const { job: j } = (await res.json()) as { job: { status: string; finishedAt: string | null } };
      return j.finishedAt ? j : undefined;
    });
    assert.equal(done.status, "succeeded");
    assert.equal(await db.syncTask.count({ where: { jobId, status: "succeeded" } }), TAG_COUNT);

    const simJobs = (await (await fetch(`${sim.url}/__sim/jobs`)).json()) as { namespace: string; repoName: string; tag: string }[];
    const perTag = new Map<string, number>();
    for (const j of simJobs) if (j.namespace === teamA && j.repoName === repository) perTag.set(j.tag, (perTag.get(j.tag) ?? 0) + 1);
    const twice = [...perTag].filter(([, n]) => n > 1).map(([t]) => t);
    assert.deepEqual(twice, [], `tags SWR accepted more than once: ${twice.join(", ")}`);
    assert.deepEqual([...perTag.keys()].sort(), [...tags].sort(), "SWR did not receive every tag");
    step(`job succeeded, each of ${TAG_COUNT} tags accepted once by SWR`);

    // The webhook: one signed job.succeeded for this job, however many instances saw it end.
    const [delivery] = await receiver.waitFor(1, 15_000);
    assert.ok(delivery!.verified, "the webhook's signature did not match its body under the secret");
    const payload = JSON.parse(delivery!.body) as { event: string; job: { id: string; status: string; counts: { succeeded: number } } };
    assert.deepEqual([payload.event, payload.job.id, payload.job.status, payload.job.counts.succeeded], ["job.succeeded", jobId, "succeeded", TAG_COUNT]);
    await sleep(1_000);
    assert.equal(receiver.requests.length, 1, `the outcome was delivered ${receiver.requests.length} times`);

    // The probes and the scrape of the instance that finished the job.
    const ready = await fetch(`${finisher.url}/api/ready`);
    const readiness = (await ready.json()) as { status: string; checks: Record<string, { state: string }> };
    assert.equal(ready.status, 200, `not ready: ${JSON.stringify(readiness)}`);
    assert.deepEqual(Object.values(readiness.checks).map((c) => c.state).filter((st) => st !== "ok"), []);
    assert.equal((await fetch(`${finisher.url}/api/metrics`)).status, 401, "the metrics answered without METRICS_TOKEN");
    const scrape = await (await fetch(`${finisher.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const series = (pattern: RegExp) =>
      scrape
        .split("\n")
        .filter((line) => pattern.test(line))
        .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
    const metrics = {
      succeededJobs: series(/^swr_sync_jobs\{status="succeeded"\}/),
      succeededTasks: series(/^swr_sync_tasks\{state="succeeded"\}/),
      syncCalls: series(/^swr_sync_swr_requests_total\{[^}]*operation="CreateManualImageSyncRepo"[^}]*status_class="2xx"/),
      recordReads: series(/^swr_sync_swr_requests_total\{[^}]*operation="ShowSyncJob"/),
      rounds: series(/^swr_sync_engine_round_duration_seconds_count/),
    };
    for (const [name, value] of Object.entries(metrics)) assert.ok(value > 0, `metrics: ${name} is ${value}\n${scrape.slice(0, 4_000)}`);
    assert.equal(metrics.succeededJobs, 1);
    assert.equal(metrics.succeededTasks, TAG_COUNT);
    const deliveries = (await Promise.all([...instances.values()].map(async (app) => {
      const text = await (await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      return Number(/^swr_sync_webhook_deliveries_total\{outcome="succeeded"\} (\d+)/m.exec(text)?.[1] ?? 0);
    }))).reduce((a, b) => a + b, 0);
    assert.equal(deliveries, 1, "webhook deliveries counted by the running instances");
    step(`webhook delivered once and signed; ready; metrics ${JSON.stringify(metrics)}, webhook deliveries ${deliveries} on the running instances`);
    step("passed");
  } catch (error) {
    for (const f of fs.readdirSync(logDir)) console.error(`--- ${f} ---\n${fs.readFileSync(path.join(logDir, f), "utf8").slice(-6_000)}`);
    throw error;
  } finally {
    await Promise.all([...apps].map((a) => a.stop()));
    await db.$disconnect();
    await sim.close();
    await receiver.close();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
