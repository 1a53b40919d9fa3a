import { NO_STORE } from "@/test/api-headers";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { databaseProvider } from "@/lib/db/database-url";
import { migrationsDir } from "@/lib/health/database";
import { CHECK_NAMES, healthAnswerSchema, readinessSchema, type Readiness } from "@/lib/health/dto";
import { createReadinessProbe, readinessResponse, type ReadinessSources } from "@/lib/health/ready";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { listApiRoutes, serve, type ApiRoute } from "@/test/http-pipeline";
import { withTestDatabase } from "@/test/with-test-database";

// The probes against real databases (the suite's SQLite or PostgreSQL), and through proxy.ts as `next start` serves them.

const database = withTestDatabase();
const SECRETS = { SWR_AK: "health-test-ak-1234567890", SWR_SK: "health-test-sk-0987654321", METRICS_TOKEN: "health-metrics-token-123456" };

const clients: Db[] = [];
const client = (url: string) => {
  const c = createPrismaClient(url);
  clients.push(c);
  return c;
};
let appClient: Db;
let routes: ApiRoute[];

beforeAll(async () => {
  for (const [k, v] of Object.entries(SECRETS)) vi.stubEnv(k, v);
  // No engine runs in this test process: the app's own probe skips that check, as on a web-only instance.
  vi.stubEnv("SYNC_ENGINE", "off");
  appClient = client(database.url);
  routes = await listApiRoutes();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
});

const provider = () => databaseProvider(database.url);

/** Sources where everything is well: a migrated database, an engine that just ticked, no SWR call yet. */
function sources(over: Partial<ReadinessSources> = {}): ReadinessSources {
  return {
    db: () => appClient,
    provider: provider(),
    migrationsDir: migrationsDir(provider()),
    engineOn: true,
    engine: () => ({ pollMs: 5_000, startedAt: new Date(Date.now() - 60_000), lastTickAt: new Date() }),
    swrRegion: "cn-north-4",
    swr: () => undefined,
    now: () => new Date(),
    dbTimeoutMs: 2_000,
    cacheMs: 0,
    ...over,
  };
}

async function answer(over: Partial<ReadinessSources>): Promise<{ status: number; text: string; body: Readiness }> {
  const res = readinessResponse(await createReadinessProbe(sources(over))());
  expect(res.headers.get("cache-control")).toMatch(NO_STORE);
  const text = await res.text();
  // Parsed with the schema the API document shows, 200 and 503 alike.
  return { status: res.status, text, body: readinessSchema.parse(JSON.parse(text)) };
}

const states = (r: Readiness) => Object.fromEntries(CHECK_NAMES.map((n) => [n, r.checks[n].state]));

describe("GET /api/health", () => {
  it("answers 200 {status: ok} without a session or the database, not cached", async () => {
    const res = await health(new Request("http://localhost:3000/api/health"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(NO_STORE);
    const body: unknown = await res.json();
    expect(body).toEqual({ status: "ok" });
    expect(healthAnswerSchema.safeParse(body).success).toBe(true);
  });
});

describe("readiness", () => {
  it("is ready with every check ok", async () => {
    const { status, body } = await answer({});
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
    expect(states(body)).toEqual({ database: "ok", migrations: "ok", engine: "ok", swr: "ok" });
    expect(body.checks.migrations.detail).toMatch(/^All \d+ migrations are applied\.$/);
  });

  it("answers 503 when the database refuses, naming no host or password", async () => {
    const down = client("postgresql://health:s3cret-pw@127.0.0.1:1/nothing");
    const { status, text, body } = await answer({ db: () => down });
    expect(status).toBe(503);
    expect(states(body)).toMatchObject({ database: "failing", migrations: "failing" });
    expect(body.checks.database.detail).toMatch(/^The database refused the query/);
    expect(text).not.toMatch(/s3cret-pw|127\.0\.0\.1|health@/);
  });

  it("answers 503 when the database does not answer in time", async () => {
    const hung = { $queryRawUnsafe: () => new Promise(() => undefined) } as unknown as Db;
    const { status, body } = await answer({ db: () => hung, dbTimeoutMs: 50 });
    expect(status).toBe(503);
    expect(body.checks.database).toEqual({ state: "failing", detail: "The database did not answer within 50 ms." });
  });

  describe("migrations", () => {
    const extra: { db?: TestDatabase; empty?: string } = {};
    beforeAll(async () => {
      extra.db = await createTestDatabase();
      extra.empty = fs.mkdtempSync(path.join(os.tmpdir(), "swr-sync-health-"));
    });
    afterAll(async () => {
      await extra.db?.drop();
      if (extra.empty) fs.rmSync(extra.empty, { recursive: true, force: true });
    });

    it("answers 503 for a database that never saw a migration", async () => {
      const bare = client(`file:${path.join(extra.empty!, "bare.db")}`);
      const { status, body } = await answer({ db: () => bare, provider: "sqlite", migrationsDir: migrationsDir("sqlite") });
      expect(status).toBe(503);
      expect(states(body)).toMatchObject({ database: "ok", migrations: "failing" });
      expect(body.checks.migrations.detail).toMatch(/no migration record .*run npm run db:migrate/);
    });

    it("answers 503 naming the migration that is not applied", async () => {
      const behind = client(extra.db!.url);
      const [newest] = await behind.$queryRawUnsafe<{ migration_name: string }[]>(
        "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
      );
      await behind.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '${newest!.migration_name}'`);
      const { status, body } = await answer({ db: () => behind });
      expect(status).toBe(503);
      expect(body.checks.migrations.detail).toMatch(new RegExp(`^1 of \\d+ migrations are not applied \\(${newest!.migration_name}\\)`));
    });

    it("answers 503 when the migration folders are not deployed with the server", async () => {
      const { status, body } = await answer({ migrationsDir: path.join(extra.empty!, "prisma", provider(), "migrations") });
      expect(status).toBe(503);
      expect(body.checks.migrations.detail).toBe(`Cannot read prisma/${provider()}/migrations in the server's working directory; deploy it with the server.`);
    });
  });

  it.each([
    ["stale: no tick for 4 poll intervals", true, { pollMs: 1_000, startedAt: new Date(Date.now() - 60_000), lastTickAt: new Date(Date.now() - 4_000) }, 503, "failing"],
    ["not running", true, undefined, 503, "failing"],
    ["off (SYNC_ENGINE=off)", false, undefined, 200, "skipped"],
  ] as const)("engine %s → %i", async (_, engineOn, beat, code, state) => {
    const { status, body } = await answer({ engineOn, engine: () => beat });
    expect(status).toBe(code);
    expect(body.checks.engine.state).toBe(state);
  });

  it.each([
    ["has not answered for over 60 s", { lastCallAt: new Date(), lastAnswered: false, lastStatusClass: "timeout", lastAnsweredAt: new Date(Date.now() - 90_000) }, 503, "failing"],
    ["never answered", { lastCallAt: new Date(), lastAnswered: false, lastStatusClass: "network", lastAnsweredAt: null }, 503, "failing"],
    ["answered with a 4xx", { lastCallAt: new Date(), lastAnswered: true, lastStatusClass: "4xx", lastAnsweredAt: new Date() }, 200, "ok"],
  ] as const)("SWR of the default region %s → %i", async (_, calls, code, state) => {
    const asked: string[] = [];
    const { status, body } = await answer({ swrRegion: "ap-southeast-1", swr: (region) => (asked.push(region), calls) });
    expect(status).toBe(code);
    expect(body.checks.swr.state).toBe(state);
    expect(asked).toEqual(["ap-southeast-1"]);
  });

  it("shares one round of database checks between probes close together", async () => {
    let opened = 0;
    const probe = createReadinessProbe(sources({ db: () => (opened++, appClient), cacheMs: 60_000 }));
    await Promise.all([probe(), probe()]);
    await probe();
    expect(opened).toBe(2);
    const fresh = createReadinessProbe(sources({ db: () => (opened++, appClient), cacheMs: 0 }));
    await fresh();
    await fresh();
    expect(opened).toBe(6);
  });
});

describe("through proxy.ts, as next start serves them", () => {
  const find = (pattern: string) => routes.find((r) => r.pattern === pattern)!;

  it.each(["/api/health", "/api/ready"])("%s needs no session and answers 200 with no secret in it", async (pattern) => {
    const { response, byProxy } = await serve(find(pattern), { method: "GET", target: pattern });
    expect(byProxy).toBe(false);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(NO_STORE);
    const text = await response.text();
    for (const secret of [...Object.values(SECRETS), database.url]) expect(text).not.toContain(secret);
  });

  it("answers the app's own probe with every check", async () => {
    const res = await ready(new Request("http://localhost:3000/api/ready"));
    const body = readinessSchema.parse(await res.json());
    expect(states(body)).toEqual({ database: "ok", migrations: "ok", engine: "skipped", swr: "ok" });
  });

  it.each([
    ["/api/ready?x=%ff", 400, "bad_request", "errors.request.queryMalformed"],
    ["/api/health/%00", 400, "bad_request", "errors.request.addressControl"],
  ])("%s → %i in the error shape", async (target, code, errorCode, key) => {
    const route = find(target.startsWith("/api/ready") ? "/api/ready" : "/api/health");
    const { response } = await serve(route, { method: "GET", target });
    expect(response.status).toBe(code);
    expect(await response.json()).toMatchObject({ error: { code: errorCode, key, message: expect.any(String) } });
  });

  it("refuses an oversized body before the probe runs", async () => {
    const { response } = await serve(find("/api/ready"), { method: "GET", target: "/api/ready", headers: { "content-length": String(64 * 1024 * 1024) } });
    expect(response.status).toBe(413);
  });

  it("the route guard itself checks the address, for callers that bypass the proxy", async () => {
    const res = await ready(new Request("http://localhost:3000/api/ready?x=%ff"));
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toMatch(NO_STORE);
  });
});
