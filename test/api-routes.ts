// Helpers for route-handler tests: real guard, database and simulator; only the session is faked.
// The test file must mock the session cookie's check first: vi.mock("@/lib/auth/session-cookie");
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { sessionUserOf } from "@/lib/auth/session-cookie";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { isTerminal, type JobStatus, type TaskState } from "@/lib/jobs/states";
import { refreshJobSummary } from "@/lib/jobs/summary";
import { createUser } from "@/lib/db/users";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { simAdmin } from "@/simulator/testing";
import { withTestDatabase } from "@/test/with-test-database";
import { NGINX_ROUTE } from "@/test/fixtures";

export const APP_ORIGIN = "http://localhost:3000";

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/** The signed-in user for the following calls; null signs out. */
export function actAs(user: SessionUser | null): void {
  vi.mocked(sessionUserOf).mockResolvedValue(user);
}

let userCount = 0;

/** A new user of `role` in the test database, as the session carries it. */
export async function createTestUser(
  role: Role,
  email = `${role}-${++userCount}@example.com`,
): Promise<SessionUser> {
  const user = await createUser({ email, password: "a-test-password-1", role });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export interface CallOptions {
  method?: string;
  /** An object is sent as JSON; a string verbatim. */
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

/** Calls a route handler the way Next does: same-origin JSON by default. */
export function callRoute(handler: Handler, path: string, o: CallOptions = {}): Promise<Response> {
  const method = o.method ?? (o.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = {
    origin: APP_ORIGIN,
    ...(o.body !== undefined && { "content-type": "application/json" }),
    ...o.headers,
  };
  const body = o.body === undefined || typeof o.body === "string" ? o.body : JSON.stringify(o.body);
  const request = new Request(new URL(path, APP_ORIGIN), { method, headers, body });
  return handler(request, { params: Promise.resolve(o.params ?? {}) });
}

/** Status and parsed JSON of a response. */
export async function jsonOf(res: Response): Promise<{ status: number; body: unknown }> {
  return { status: res.status, body: (await res.json()) as unknown };
}

/** How many jobs, tasks and audit events exist: "nothing written" means these did not change. */
export async function rowCounts() {
  const client = db();
  const [jobs, tasks, audit] = await Promise.all([
    client.syncJob.count(),
    client.syncTask.count(),
    client.auditEvent.count(),
  ]);
  return { jobs, tasks, audit };
}

export interface TestJob {
  createdById: string;
  createdAt?: Date;
  sourceRegion?: string;
  sourceNamespace?: string;
  sourceRepository?: string;
  targetRegion?: string;
  targetNamespace?: string;
  override?: boolean;
  /** Tag → state; failed tasks get an error. */
  tasks?: Record<string, TaskState>;
}

/** Writes a job in any state directly, as the engine would have left it; returns its ID and derived status. */
export async function insertJob(job: TestJob): Promise<{ id: string; status: JobStatus }> {
  const { tasks = { latest: "queued" }, ...fields } = job;
  return db().$transaction(async (tx) => {
    const { id } = await tx.syncJob.create({
      data: {
        ...NGINX_ROUTE,
        requestHash: "test",
        total: 0,
        ...fields,
        // Jobs with unfinished tasks are due for an engine, as job creation leaves them.
        cancelledAt: Object.values(tasks).includes("cancelled") ? new Date() : null,
        nextRoundAt: Object.values(tasks).some((s) => s === "queued" || s === "retrying" || s === "submitted") ? new Date() : null,
        tasks: {
          createMany: {
            data: Object.entries(tasks).map(([tag, status]) => ({
              repository: fields.sourceRepository ?? NGINX_ROUTE.sourceRepository,
              targetRegion: fields.targetRegion ?? NGINX_ROUTE.targetRegion,
              targetNamespace: fields.targetNamespace ?? NGINX_ROUTE.targetNamespace,
              tag,
              status,
              sourceDigest: `sha256:${tag}`,
              ...(isTerminal(status) && { finishedAt: fields.createdAt ?? new Date() }),
              ...(status === "failed" && {
                lastErrorCode: "swr_failed",
                lastErrorMessage: `SWR reported the sync of ${tag} as failed.`,
              }),
              ...((status === "succeeded" || status === "skipped_identical") && { targetDigest: `sha256:${tag}` }),
              // Kept: the target holds another image under the tag.
              ...(status === "kept" && { planClass: "keep", targetDigest: `sha256:other-${tag}` }),
              ...(status === "skipped_identical" && { planClass: "identical" }),
              // Skipped and kept tags written at creation never reached SWR.
              ...(status !== "queued" && status !== "cancelled" && status !== "skipped_identical" && status !== "kept" && {
                submittedAt: fields.createdAt,
                swrJobId: `swr-${tag}`,
                swrStatus: "running",
                swrPriorJobId: "swr-0",
                submitTries: 1,
              }),
            })),
          },
        },
      },
      select: { id: true },
    });
    return { id, status: (await refreshJobSummary(tx, id)).status };
  });
}

/**
 * A fresh database and, with `simulator`, the SWR simulator as the app's SWR for one test file.
 * The environment is stubbed before anything reads it (env() and the SWR client are cached per file).
 */
export function setUpApiTests({ simulator = false } = {}): { readonly sim: RunningSimulator } {
  withTestDatabase();
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_URL", APP_ORIGIN);
    if (!simulator) return;
    sim = await startSimulator({ port: 0, syncDelayMs: 20 });
    vi.stubEnv("SWR_ENDPOINT", sim.endpointTemplate);
    vi.stubEnv("IAM_ENDPOINT", sim.endpointTemplate);
    vi.stubEnv("SWR_AK", sim.credentials.ak);
    vi.stubEnv("SWR_SK", sim.credentials.sk);
    // One attempt per call: fault tests see the failure at once instead of after backoff.
    vi.stubEnv("SWR_MAX_ATTEMPTS", "1");
    vi.stubEnv("SWR_TIMEOUT_MS", "5000");
  });
  beforeEach(async () => {
    if (sim) await simAdmin.reset(sim);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return {
    get sim() {
      if (!sim) throw new Error("start the simulator with setUpApiTests({ simulator: true })");
      return sim;
    },
  };
}
