import { NO_STORE } from "./api-headers";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { errorBodySchema } from "@/lib/errors";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/http/security-headers";
import { actAs, createTestUser, setUpApiTests } from "@/test/api-routes";
import { badRequests, hugeBodies } from "@/test/fuzz-inputs";
import { HTTP_METHODS, listApiRoutes, serve, type ApiRoute, type RawRequest } from "@/test/http-pipeline";

// Every API route × method, next-auth's included, against generated bad input, through proxy.ts as `next start` runs it:
// no answer ≥ 500, nothing written, our routes answer in the error shape, memory stays bounded. Seeded: a failure replays.

// next-auth's own route handler runs for real; only the session our guard asks for is faked.
vi.mock("@/lib/auth/session-cookie");
// next-auth logs every refused token and form at error level; the answers are what is checked here.
vi.stubEnv("LOG_LEVEL", "silent");

const SEED = 20_261_201;
const RUNS_PER_ROUTE = 500;
const HUGE_BODIES_PER_ROUTE = 3;

setUpApiTests({ simulator: true });

// V8 collects lazily: RSS is compared after a full collection, so it shows what the run kept, not what it has yet to free.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function rssAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().rss;
}

let admin: SessionUser;
let routes: ApiRoute[];

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "a-fuzz-test-secret-of-at-least-32-characters");
  admin = await createTestUser("admin");
  routes = await listApiRoutes();
});

/** Rows of every table, by table name (the migrations' own table excluded). */
async function tableRowCounts(): Promise<Record<string, number>> {
  const client = db();
  const sqlite = (process.env.DATABASE_URL ?? "file:").startsWith("file:");
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(
    sqlite
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'"
      : "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await client.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

interface Finding {
  route: string;
  request: string;
  problem: string;
}

function describeRequest(raw: RawRequest): string {
  return `${raw.method} ${raw.target.slice(0, 200)} ${JSON.stringify(raw.headers ?? {}).slice(0, 200)}`;
}

// Probes for load balancers: public (no session), and /api/ready answers 503 with its checks while the instance is
// not ready, as here, where no engine runs in the test process.
const PUBLIC_ROUTES = new Set(["/api/health", "/api/ready"]);

async function isNotReadyAnswer(route: ApiRoute, response: Response): Promise<boolean> {
  if (route.pattern !== "/api/ready" || response.status !== 503) return false;
  const body = (await response.clone().json()) as { status?: unknown; checks?: unknown };
  return body.status === "not_ready" && typeof body.checks === "object";
}

/** What is wrong with one answer, or null. */
async function problemOf(route: ApiRoute, raw: RawRequest): Promise<string | null> {
  let response: Response;
  try {
    ({ response } = await serve(route, raw));
  } catch (error) {
    return `threw (Next would answer 500): ${error instanceof Error ? error.message : String(error)}`;
  }
  if (await isNotReadyAnswer(route, response)) {
    await response.body?.cancel();
    return null;
  }
  if (response.status >= 500) return `status ${response.status}: ${(await response.text()).slice(0, 300)}`;
  if (PUBLIC_ROUTES.has(route.pattern) && response.status === 401) return "a public probe asked for a session";
  const nextAuth = route.pattern.includes("[...nextauth]");
  const page = !new URL(raw.target, "http://x").pathname.startsWith("/api/");
  // Most API addresses do not pass through proxy.ts: the route's own answer must carry the headers.
  if (!nextAuth && !page && response.headers.get("content-security-policy") !== API_CONTENT_SECURITY_POLICY)
    return `status ${response.status} without the API's Content-Security-Policy`;
  if (nextAuth || page || response.status < 400 || response.status === 401 && route.pattern === "/api/metrics") {
    await response.body?.cancel();
    return null;
  }
  if (!NO_STORE.test(response.headers.get("cache-control") ?? "")) return `status ${response.status} without Cache-Control: no-store`;
  const text = await response.text();
  try {
    // The whole shape: a code, the English message, and the message as a catalog key (with params) for other languages.
    if (!errorBodySchema.safeParse(JSON.parse(text)).success) return `status ${response.status}, not the error shape: ${text.slice(0, 200)}`;
  } catch {
    return `status ${response.status}, not JSON: ${text.slice(0, 200)}`;
  }
  return null;
}

/** The generated requests of every route × method, `runs` each plus the 10 MB bodies of mutating methods. */
function casesOf(route: ApiRoute, r: number, runs: number, seedOffset: number): RawRequest[] {
  const cases: RawRequest[] = [];
  for (const method of HTTP_METHODS) {
    if (!route.methods[method]) continue;
    cases.push(...fc.sample(badRequests(route.pattern, method), { seed: SEED + seedOffset + r * 7 + method.length, numRuns: runs }));
    const target = route.pattern.replace("[...nextauth]", "callback/credentials").replace("[id]", "x");
    if (method !== "GET") cases.push(...hugeBodies(target, method).slice(0, HUGE_BODIES_PER_ROUTE));
  }
  return cases;
}

async function run(cases: RawRequest[], route: ApiRoute, findings: Finding[]): Promise<void> {
  for (const [i, raw] of cases.entries()) {
    actAs(i % 5 === 0 ? null : admin);
    const problem = await problemOf(route, raw);
    if (problem) findings.push({ route: `${raw.method} ${route.pattern}`, request: describeRequest(raw), problem });
  }
}

describe("API fuzz", () => {
  it("answers every bad request below 500, in the error shape, writing nothing and keeping memory bounded", { timeout: 300_000 }, async () => {
    const before = await tableRowCounts();
    const findings: Finding[] = [];
    // A short pass first, so the heap has grown to its working size before memory is measured.
    for (const [r, route] of routes.entries()) await run(casesOf(route, r, 20, 1_000), route, findings);
    const rssBefore = rssAfterGc();
    let served = 0;
    const perRoute: Record<string, number> = {};
    for (const [r, route] of routes.entries()) {
      const cases = casesOf(route, r, RUNS_PER_ROUTE, 0);
      await run(cases, route, findings);
      served += cases.length;
      // Collected per route, so the heap's high-water mark (which RSS keeps) reflects one route's garbage, not all of it.
      collectGarbage();
      for (const c of cases) perRoute[`${c.method} ${route.pattern}`] = (perRoute[`${c.method} ${route.pattern}`] ?? 0) + 1;
    }
    const after = await tableRowCounts();

    expect(findings.slice(0, 20), `${findings.length} of ${served} answers were wrong (seed ${SEED})`).toEqual([]);
    // A well-formed request for a job that does not exist is refused and audited as a failed attempt: that is the
    // audit log's job, not a write of bad input. Nothing else may change.
    const audited = await db().auditEvent.findMany({ select: { action: true, outcome: true } });
    expect(audited.filter((a) => a.outcome !== "failure")).toEqual([]);
    expect({ ...after, AuditEvent: 0 }).toEqual({ ...before, AuditEvent: 0 });
    expect(Math.min(...Object.values(perRoute))).toBeGreaterThanOrEqual(RUNS_PER_ROUTE);
    expect(Object.keys(perRoute)).toContain("POST /api/auth/[...nextauth]");
    for (const pattern of PUBLIC_ROUTES) expect(Object.keys(perRoute)).toContain(`GET ${pattern}`);
    expect(rssAfterGc()).toBeLessThan(rssBefore * 1.5);
  });
});
