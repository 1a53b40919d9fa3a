import { expect, test } from "@playwright/test";
import { apiClient, sameOrigin } from "./api-session";
import { SIM_URL } from "./support";

// The probes and the scrape of the built server, with its engine running in the server process: anonymous
// probes, and series fed by the engine's SWR calls in one part of the server read by the route in another.

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("GET /api/health answers anyone 200 {status: ok}", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get("/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store, no-transform");
  expect(await res.json()).toEqual({ status: "ok" });
  await anonymous.dispose();
});

test("GET /api/ready answers anyone 200 with every check ok while the engine ticks", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get("/api/ready");
  const body = (await res.json()) as { status: string; checks: Record<string, { state: string; detail: string }> };
  expect(res.status(), JSON.stringify(body)).toBe(200);
  expect(body.status).toBe("ready");
  expect(Object.fromEntries(Object.entries(body.checks).map(([k, v]) => [k, v.state]))).toEqual({
    database: "ok",
    migrations: "ok",
    engine: "ok",
    swr: "ok",
  });
  await anonymous.dispose();
});

// 1.25.4 is not in cn-east-3 after the simulator's reset, so the job makes a sync_images call (an identical tag is skipped).
test("after a sync, GET /api/metrics shows the engine's SWR calls, the job and its rounds", async ({ baseURL }) => {
  const operator = await apiClient(baseURL!, "operator");
  const created = await operator.post("/api/jobs", {
    headers: sameOrigin(baseURL!),
    data: { sourceRegion: "cn-north-4", sourceNamespace: "team-a", sourceRepository: "nginx", targetRegion: "cn-east-3", targetNamespace: "team-a", tags: ["1.25.4"], override: true },
  });
  expect(created.status()).toBe(201);
  const { job } = (await created.json()) as { job: { id: string } };
  await expect
    .poll(async () => ((await (await operator.get(`/api/jobs/${job.id}`)).json()) as { job?: { status: string }; status?: string }), { timeout: 30_000 })
    .toMatchObject({ job: { status: "succeeded" } });

  const text = await (await operator.get("/api/metrics")).text();
  expect(text).toMatch(/^swr_sync_swr_requests_total\{operation="CreateManualImageSyncRepo",region="cn-north-4",status_class="2xx"\} [1-9]/m);
  expect(text).toMatch(/^swr_sync_swr_request_duration_seconds_bucket\{le="\+Inf",operation="CreateManualImageSyncRepo",region="cn-north-4"\} [1-9]/m);
  expect(text).toMatch(/^swr_sync_jobs\{status="succeeded"\} [1-9]/m);
  expect(text).toMatch(/^swr_sync_tasks\{state="succeeded"\} [1-9]/m);
  expect(text).toMatch(/^swr_sync_engine_round_duration_seconds_count\{outcome="ok"\} [1-9]/m);
  expect(text).toMatch(/^swr_sync_engine_lag_seconds \d/m);
  await operator.dispose();
});
