import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { LIVE_JOB_STATUSES } from "@/lib/jobs/states";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { demoUser } from "./support";

// A whole run's logs, from a stack of this spec's own (so every secret of it is known): sign-ins, an API token that
// starts a sync job, a webhook with a secret that hears its end, a metrics scrape, an unhandled error. No AK, SK,
// session secret, encryption key, session cookie, password, password hash, API token, webhook secret or metrics
// token may appear in them; every line is JSON, lines of a request carry its id and lines of an engine round the job's.

const ROOT = path.resolve(__dirname, "..");
const RUN_MS = 90_000;

interface StackFacts {
  appUrl: string;
  simulatorUrl: string;
  databaseUrl: string;
  nextAuthSecret: string;
  appEncryptionKey: string;
  ak: string;
  sk: string;
}
type Line = Record<string, unknown> & { msg?: string; component?: string; requestId?: string; jobId?: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The same SQL on the stack's database, SQLite or PostgreSQL. */
async function sql(databaseUrl: string, query: string): Promise<Record<string, unknown>[]> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length));
    try {
      return query.trim().toUpperCase().startsWith("SELECT") ? (db.prepare(query).all() as Record<string, unknown>[]) : (db.exec(query), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(query)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

async function signIn(client: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return client.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
}

let server: ChildProcess | undefined;

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
});

test("a whole run's logs are JSON lines with request and job ids, and hold no secret", async () => {
  test.setTimeout(RUN_MS);
  const logFile = test.info().outputPath("app.log");
  const stackFile = test.info().outputPath("stack.json");
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const [appPort, simPort] = [await freePort(), await freePort()];
  const metricsToken = `metrics-${randomBytes(12).toString("base64url")}`;
  const webhookSecret = `hook-${randomBytes(12).toString("base64url")}`;
  const receiver = await startWebhookReceiver({ secret: webhookSecret });
  server = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/e2e-server.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      E2E_APP_PORT: String(appPort),
      E2E_SIM_PORT: String(simPort),
      E2E_APP_LOG: logFile,
      E2E_STACK_FILE: stackFile,
      LOG_LEVEL: "debug",
      METRICS_TOKEN: metricsToken,
    },
  });
  const facts = await waitFor("the stack", async () => (fs.existsSync(stackFile) ? (JSON.parse(fs.readFileSync(stackFile, "utf8")) as StackFacts) : undefined), 60_000);
  const baseURL = facts.appUrl;
  const origin = { origin: new URL(baseURL).origin };
  const admin = demoUser("admin");
  const wrongPassword = `wrong-${randomBytes(9).toString("base64url")}`;

  // A wrong password first, then the right one.
  const client = await request.newContext({ baseURL });
  expect((await signIn(client, admin.email, wrongPassword)).ok()).toBe(false);
  expect((await signIn(client, admin.email, admin.password)).ok()).toBe(true);
  const cookies = (await client.storageState()).cookies;
  const session = cookies.find((c) => c.name.includes("session-token"));
  expect(session?.value.length).toBeGreaterThan(20);

  // A webhook with a secret, and an API token that starts the job.
  const hook = await client.post("/api/webhooks", {
    headers: origin,
    data: { name: "logs", url: receiver.url, events: ["job.succeeded", "job.failed"], secret: webhookSecret },
  });
  expect(hook.status()).toBe(201);
  const minted = await client.post("/api/tokens", { headers: origin, data: { name: "logs", expiresInDays: 1, role: "operator" } });
  expect(minted.status()).toBe(201);
  const { secret: apiToken } = (await minted.json()) as { secret: string };
  const pipeline = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${apiToken}` } });

  // A sync job through the API, waited for until it ends.
  const created = await pipeline.post("/api/jobs", {
    headers: { "x-request-id": "e2e-logs-create-job-1" },
    data: { sourceRegion: "cn-north-4", sourceNamespace: "team-a", sourceRepository: "redis", targetRegion: "cn-south-1", targetNamespace: "team-a", tags: ["7.2.4", "latest"], override: false },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["x-request-id"]).toBe("e2e-logs-create-job-1");
  const { job } = (await created.json()) as { job: { id: string } };
  await waitFor("the job to end", async () => {
    const { job: now } = (await (await client.get(`/api/jobs/${job.id}`)).json()) as { job: { status: string } };
    return (LIVE_JOB_STATUSES as readonly string[]).includes(now.status) ? undefined : now.status;
  }, 40_000);
  const [delivery] = await receiver.waitFor(1, 15_000);
  expect(delivery!.verified).toBe(true);
  expect((await pipeline.get("/api/metrics", { headers: { authorization: `Bearer ${metricsToken}` } })).status()).toBe(200);
  await pipeline.dispose();
  await receiver.close();

  // An unhandled error: the audit table is gone from under the app.
  const hashes = (await sql(facts.databaseUrl, `SELECT "passwordHash" FROM "User"`)).map((r) => String(r.passwordHash));
  expect(hashes.length).toBe(DEMO_USERS.length);
  await sql(facts.databaseUrl, `ALTER TABLE "AuditEvent" RENAME TO "AuditEventGone"`);
  const failed = await client.get("/api/audit");
  expect(failed.status()).toBe(500);
  const failedId = failed.headers()["x-request-id"];
  await sql(facts.databaseUrl, `ALTER TABLE "AuditEventGone" RENAME TO "AuditEvent"`);
  await client.dispose();

  // Stop the stack, so that the log is the whole run's, shutdown included.
  const exited = new Promise((r) => server!.once("exit", r));
  server.kill("SIGTERM");
  await exited;

  const text = fs.readFileSync(logFile, "utf8");
  await test.info().attach("app.log", { path: logFile, contentType: "text/plain" });
  const secrets: Record<string, string> = {
    AK: facts.ak,
    SK: facts.sk,
    NEXTAUTH_SECRET: facts.nextAuthSecret,
    APP_ENCRYPTION_KEY: facts.appEncryptionKey,
    "API token": apiToken,
    // After `swrs_` and the 8-character id; the secret itself may hold `_` (base64url).
    "API token's secret part": /^swrs_[0-9a-f]{8}_(.+)$/.exec(apiToken)![1]!,
    "webhook secret": webhookSecret,
    METRICS_TOKEN: metricsToken,
    "session cookie": session!.value,
    "wrong password": wrongPassword,
    ...Object.fromEntries(DEMO_USERS.map((u) => [`password of ${u.email}`, u.password])),
    ...Object.fromEntries(hashes.map((h, i) => [`password hash ${i}`, h])),
    ...Object.fromEntries(cookies.map((c) => [`cookie ${c.name}`, c.value])),
  };
  for (const [name, value] of Object.entries(secrets)) expect(text.includes(value), `${name} in the log`).toBe(false);
  expect(text).not.toMatch(/scrypt\$\d+\$/);

  // Next's start-up banner is the only plain text; everything the app says is a JSON line.
  const rows = text.split("\n").filter((l) => l.trim() !== "");
  // Next colours its banner.
  const plain = rows.filter((l) => !l.startsWith("{")).map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim());
  expect(plain.filter((l) => !/^(▲ Next\.js|- (Local|Network|Environments?):|✓ (Starting|Ready in|Running next\.config))/.test(l))).toEqual([]);
  const lines = rows.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Line);

  const requests = lines.filter((l) => l.component === "http");
  expect(requests.length).toBeGreaterThan(5);
  for (const l of requests) expect(l.requestId, JSON.stringify(l)).toMatch(/^[A-Za-z0-9._:=-]{8,128}$/);
  expect(requests).toContainEqual(expect.objectContaining({ method: "POST", path: "/api/jobs", status: 201, requestId: "e2e-logs-create-job-1" }));
  // The SWR calls a request makes carry its id: POST /api/jobs reads the source tags.
  expect(lines).toContainEqual(expect.objectContaining({ component: "swr", operation: "ListRepositoryTags", requestId: "e2e-logs-create-job-1" }));
  expect(failedId).toMatch(/^[0-9a-f-]{36}$/);
  expect(lines).toContainEqual(expect.objectContaining({ level: "error", msg: "unhandled error in route handler", requestId: failedId }));

  const engine = lines.filter((l) => l.component === "sync" && l.msg !== "sync engine started");
  expect(engine.length).toBeGreaterThan(0);
  for (const l of engine) expect(l.jobId, JSON.stringify(l)).toBe(job.id);
  expect(lines).toContainEqual(expect.objectContaining({ component: "swr", operation: "CreateManualImageSyncRepo", jobId: job.id, level: "debug" }));
});
