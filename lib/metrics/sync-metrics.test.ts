import { describe, expect, it, vi } from "vitest";
import { checkEngine } from "@/lib/health/checks";
import { BUSY_CODE } from "@/lib/swr/errors";
import { claimJob } from "@/lib/sync/store";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { createJob, settle } from "@/test/sync-fixture";
import { withSyncFixture } from "@/test/with-sync-fixture";
import { dbWriteTally } from "./db-writes";
import { engineBeat } from "./engine";
import { lastSwrCalls } from "./swr-calls";
import { createMetricsRegistry } from "./registry";

// The scrape after real work: the engine syncing through the simulator over HTTP into the suite's database
// (SQLite or PostgreSQL). The SWR and engine series are process-wide, so each test compares before and after.

const { source, south, mirror } = SEED.regions;
const teamA = SEED.namespaces.teamA;
const fx = withSyncFixture();

const scrape = () => createMetricsRegistry(dbWriteTally(), () => fx.db).metrics();

/** The sum of a series' samples whose labels include `labels`; 0 when there are none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(m[3]);
  }
  return sum;
}

describe("metrics after a sync through the simulator", () => {
  it("show SWR calls by operation, region and status class with latency buckets, jobs and tasks, and round durations", async () => {
    const before = await scrape();
    const tags = ["1.25.3", "1.25.4", "latest"];
    const jobId = await createJob(fx, { sourceRepository: "nginx", targetRegion: south, targetNamespace: teamA, tags });
    const { job } = await settle(fx, [fx.engine()], jobId);
    expect(job.status).toBe("succeeded");
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);

    const submit = { operation: "CreateManualImageSyncRepo", region: source, status_class: "2xx" };
    expect(delta("swr_sync_swr_requests_total", submit)).toBeGreaterThanOrEqual(1);
    // The target's tags are read to verify each landed digest.
    expect(delta("swr_sync_swr_requests_total", { operation: "ListRepositoryTags", region: south, status_class: "2xx" })).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(new RegExp(`^swr_sync_swr_request_duration_seconds_bucket\\{le="0\\.5",operation="CreateManualImageSyncRepo",region="${source}"\\} [1-9]`, "m"));
    expect(delta("swr_sync_swr_request_duration_seconds_count", { operation: "CreateManualImageSyncRepo", region: source })).toBe(delta("swr_sync_swr_requests_total", { operation: "CreateManualImageSyncRepo", region: source }));
    expect(delta("swr_sync_engine_round_duration_seconds_count", { outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^swr_sync_engine_round_duration_seconds_bucket\{le="\+Inf",outcome="ok"\} [1-9]/m);

    expect(sample(after, "swr_sync_jobs", { status: "succeeded" })).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^swr_sync_jobs\{status="partially_failed"\} \d+$/m);
    expect(delta("swr_sync_tasks", { state: "succeeded" })).toBe(tags.length);
    expect(sample(after, "swr_sync_engine_lag_seconds")).toBe(0);
    // Label values come from fixed lists and region IDs only.
    const operations = new Set([...after.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
    for (const op of operations) expect(op).toMatch(/^(other|[A-Z][A-Za-z]+)$/);
  });

  it.each([
    ["throttled (429)", { kind: "throttle", retryAfterSeconds: 0 }, "429"],
    ["busy", { kind: "error", status: 409, code: BUSY_CODE }, "busy"],
  ] as const)("a submission SWR answers %s counts one throttle, and the job still succeeds", async (_, fault, reason) => {
    await simAdmin.setFaults(fx.sim, { rules: [{ ...fault, operations: ["CreateManualImageSyncRepo"], count: 1 }] });
    const before = await scrape();
    const jobId = await createJob(fx, { sourceRepository: "nginx", targetRegion: mirror, targetNamespace: teamA, tags: ["1.26.0"] });
    const { job } = await settle(fx, [fx.engine()], jobId);
    expect(job.status).toBe("succeeded");
    const after = await scrape();
    const labels = { operation: "CreateManualImageSyncRepo", region: source, reason };
    expect(sample(after, "swr_sync_swr_throttles_total", labels) - sample(before, "swr_sync_swr_throttles_total", labels)).toBe(1);
    const calls = { operation: "CreateManualImageSyncRepo", region: source, status_class: "4xx" };
    expect(sample(after, "swr_sync_swr_requests_total", calls) - sample(before, "swr_sync_swr_requests_total", calls)).toBe(1);
  });

  it("a read the client sends again after a 500 counts a retry and a 5xx", async () => {
    await simAdmin.setFaults(fx.sim, { rules: [{ kind: "error", status: 500, operations: ["ListRepositoryTags"], region: source, count: 1 }] });
    const before = await scrape();
    await fx.swr.listAllTags(source, teamA, "nginx");
    const after = await scrape();
    const d = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(d("swr_sync_swr_retries_total", { operation: "ListRepositoryTags", region: source })).toBe(1);
    expect(d("swr_sync_swr_requests_total", { operation: "ListRepositoryTags", region: source, status_class: "5xx" })).toBe(1);
    expect(d("swr_sync_swr_requests_total", { operation: "ListRepositoryTags", region: source, status_class: "2xx" })).toBeGreaterThanOrEqual(1);
    expect(lastSwrCalls(source)).toMatchObject({ lastAnswered: true, lastStatusClass: "2xx" });
  });

  it("a read that fails every attempt leaves its region not answered, and the next answer clears it", async () => {
    await simAdmin.setFaults(fx.sim, { rules: [{ kind: "drop", operations: ["ListNamespaces"], region: mirror, count: 3 }] });
    await expect(fx.swr.listNamespaces(mirror)).rejects.toThrow();
    expect(lastSwrCalls(mirror)).toMatchObject({ lastAnswered: false, lastStatusClass: "network" });
    await fx.swr.listNamespaces(mirror);
    expect(lastSwrCalls(mirror)).toMatchObject({ lastAnswered: true, lastStatusClass: "2xx" });
  });

  it("a started engine records its ticks for readiness, and forgets them when stopped", async () => {
    const engine = fx.engine({ config: { pollMs: 200, tickMs: 20 } });
    engine.start();
    await vi.waitFor(() => expect(engineBeat()?.lastTickAt).toBeInstanceOf(Date), { timeout: 5_000, interval: 10 });
    expect(engineBeat()?.pollMs).toBe(200);
    expect(checkEngine(true, engineBeat(), new Date()).state).toBe("ok");
    await engine.stop();
    expect(engineBeat()).toBeUndefined();
  });

  it("lag is the age of the oldest due round no engine holds", async () => {
    const jobId = await createJob(fx, { sourceRepository: "nginx", targetRegion: south, targetNamespace: teamA, tags: ["alpine"] });
    await fx.db.syncJob.update({ where: { id: jobId }, data: { nextRoundAt: new Date(Date.now() - 30_000) } });
    const waiting = sample(await scrape(), "swr_sync_engine_lag_seconds");
    expect(waiting).toBeGreaterThanOrEqual(30);
    expect(waiting).toBeLessThan(60);
    expect(sample(await scrape(), "swr_sync_jobs", { status: "queued" })).toBeGreaterThanOrEqual(1);
    await fx.db.syncJob.update({ where: { id: jobId }, data: { leaseOwner: "engine-busy", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    expect(sample(await scrape(), "swr_sync_engine_lag_seconds")).toBe(0);
    await fx.db.syncJob.update({ where: { id: jobId }, data: { nextRoundAt: null, leaseOwner: null, leaseExpiresAt: null } });
  });

  it.each([
    ["expired under another engine", 1, "engine-gone", -1_000, true],
    ["held by another engine, live", 0, "engine-busy", 60_000, false],
    ["its own, live (a restart under a stable id)", 0, "engine-new", 60_000, true],
    ["free, left after a failed round", 0, null, null, true],
  ] as const)("claiming a job whose lease is %s counts %i takeover(s)", async (_, takeovers, owner, expiresIn, claimed) => {
    const jobId = await createJob(fx, { sourceRepository: "nginx", targetRegion: south, targetNamespace: teamA, tags: ["1.25.3"] });
    const now = new Date();
    await fx.db.syncJob.update({
      where: { id: jobId },
      data: { leaseOwner: owner, leaseExpiresAt: expiresIn === null ? null : new Date(now.getTime() + expiresIn), submitMark: new Date(now.getTime() - 5_000) },
    });
    const before = sample(await scrape(), "swr_sync_engine_lease_takeovers_total");
    const claim = await claimJob(fx.db, jobId, "engine-new", now, 60_000);
    expect(claim !== null).toBe(claimed);
    expect(sample(await scrape(), "swr_sync_engine_lease_takeovers_total") - before).toBe(takeovers);
    await fx.db.syncJob.update({ where: { id: jobId }, data: { nextRoundAt: null, leaseOwner: null, leaseExpiresAt: null } });
  });
});
