import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { bigRepoTagName, SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import type { SyncSwr } from "./context";
import { createJob, dyingAfter, settle, submissionsPerTag, tasksOf, waitForJob } from "@/test/sync-fixture";
import { withSyncFixture } from "@/test/with-sync-fixture";

// Several engine instances on one database, restarts, and what one poll round costs in SWR calls.

const { mirror, south } = SEED.regions;
const teamA = SEED.namespaces.teamA;
const builds = SEED.bigRepository.repository;
const buildTags = (from: number, count: number) => Array.from({ length: count }, (_, i) => bigRepoTagName(from + i));
const fx = withSyncFixture();

const once = (tags: string[]) => Object.fromEntries(tags.map((t) => [t, 1]));

describe("engine instances", () => {
  it("a job survives its engine dying right after a sync_images call: a new engine resumes it, no tag submitted twice", async () => {
    const tags = buildTags(1, 20);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags });
    // The second chunk reaches SWR, then the process dies before it can write down that it did.
    const dying = dyingAfter(fx, 2);
    const leaseMs = 1_000;
    const first = fx.engine({ id: "engine-a", swr: dying.swr, config: { leaseMs } });
    const pass = first.runOnce();
    await vi.waitFor(() => expect(dying.calls()).toBe(2), { timeout: 10_000, interval: 10 });
    first.halt();

    const second = fx.engine({ id: "engine-b", config: { leaseMs } });
    expect(await second.runOnce()).toEqual({ jobs: 0 });
    await sleep(leaseMs);
    const { tasks, job } = await settle(fx, [second], jobId);

    expect(job.status).toBe("succeeded");
    expect(tasks.every((t) => t.status === "succeeded" && t.targetDigest === t.sourceDigest)).toBe(true);
    expect(Object.fromEntries(await submissionsPerTag(fx, builds))).toEqual(once(tags));
    expect((await simAdmin.stats(fx.sim)).operations.CreateManualImageSyncRepo).toBe(2);

    // The dead engine's last writes find its leases gone and change nothing.
    dying.crash();
    await pass;
    expect((await tasksOf(fx.db, jobId)).map((t) => t.status)).toEqual(tags.map(() => "succeeded"));
  });

  it("a stopped engine lets go of its work at once, and another finishes it", async () => {
    const tags = buildTags(21, 4);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags });
    const first = fx.engine({ id: "engine-c" });
    await first.runOnce();
    await first.stop();
    expect(await fx.db.syncJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ leaseOwner: null, leaseExpiresAt: null, submitMark: null });

    const { job } = await settle(fx, [fx.engine({ id: "engine-d" })], jobId);
    expect(job.status).toBe("succeeded");
    expect(Object.fromEntries(await submissionsPerTag(fx, builds))).toEqual(once(tags));
  });

  it("an engine stopped while submitting ends its round early and hands the job over due at once, not a poll later", async () => {
    const tags = buildTags(41, 40);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags });
    await simAdmin.setFaults(fx.sim, { rules: [{ kind: "latency", ms: 100, operations: ["CreateManualImageSyncRepo"] }] });
    const slow = { pollMs: 60_000, chunkSize: 2, submitConcurrency: 1 };
    const first = fx.engine({ id: "engine-g", config: slow });
    first.start();
    const sent = () => fx.db.syncTask.count({ where: { jobId, status: "submitted" } });
    await vi.waitFor(async () => expect(await sent()).toBeGreaterThanOrEqual(4), { timeout: 15_000, interval: 10 });
    await first.stop();

    const job = await fx.db.syncJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ leaseOwner: null, leaseExpiresAt: null, submitMark: null, finishedAt: null });
    expect(job.nextRoundAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await sent()).toBeLessThan(tags.length);
    expect(await first.runOnce()).toEqual({ jobs: 0 });
    // Another instance takes the job on its very next look, and finishes it.
    await simAdmin.setFaults(fx.sim, { rules: [] });
    const second = fx.engine({ id: "engine-h" });
    expect(await second.runOnce()).toEqual({ jobs: 1 });
    const { job: done } = await settle(fx, [second], jobId);
    expect(done.status).toBe("succeeded");
    expect(Object.fromEntries(await submissionsPerTag(fx, builds))).toEqual(once(tags));
  });

  it("a job created while another is still submitting is worked on at once, not after that submission", async () => {
    const big = buildTags(601, 60);
    const bigId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags: big });
    // 30 calls of at least 100 ms one after another: the big job submits for 3 s, round after round.
    await simAdmin.setFaults(fx.sim, { rules: [{ kind: "latency", ms: 100, operations: ["CreateManualImageSyncRepo"] }] });
    const engine = fx.engine({ config: { chunkSize: 2, submitConcurrency: 1, roundSubmitMs: 300 } });
    const sentOf = (jobId: string) => fx.db.syncTask.count({ where: { jobId, status: { not: "queued" } } });
    engine.start();
    await vi.waitFor(async () => expect(await sentOf(bigId)).toBeGreaterThanOrEqual(2), { timeout: 15_000, interval: 10 });

    const small = buildTags(701, 2);
    const smallId = await createJob(fx, { sourceRepository: builds, targetRegion: mirror, targetNamespace: teamA, tags: small });
    await vi.waitFor(async () => expect(await sentOf(smallId)).toBe(2), { timeout: 15_000, interval: 10 });
    const bigSentMeanwhile = await sentOf(bigId);
    const [bigDone, smallDone] = await Promise.all([waitForJob(fx, bigId, 30_000), waitForJob(fx, smallId, 30_000)]);
    await engine.stop();

    expect(bigSentMeanwhile).toBeLessThan(big.length / 2);
    expect([bigDone.job.status, smallDone.job.status]).toEqual(["succeeded", "succeeded"]);
    expect(Object.fromEntries(await submissionsPerTag(fx, builds))).toEqual(once([...big, ...small]));
  });

  it("two engines running at once on one database submit each tag exactly once", async () => {
    const groups = [buildTags(101, 12), buildTags(201, 12), buildTags(301, 12)];
    const jobIds = await Promise.all(groups.map((tags) => createJob(fx, { sourceRepository: builds, targetRegion: mirror, targetNamespace: teamA, tags })));
    const engines = [fx.engine({ id: "engine-e", config: { chunkSize: 5 } }), fx.engine({ id: "engine-f", config: { chunkSize: 5 } })];
    for (const e of engines) e.start();
    const results = await Promise.all(jobIds.map((id) => waitForJob(fx, id, 30_000)));
    await Promise.all(engines.map((e) => e.stop()));

    expect(results.map((r) => r.job.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(Object.fromEntries(await submissionsPerTag(fx, builds))).toEqual(once(groups.flat()));
  });

  it("a poll round costs one sync_job list and one target tag list per job, whatever its size", async () => {
    const tags = buildTags(401, 20);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags });
    // A poll interval longer than the submitting: the first round sends every tag and watches none of them (with a
    // short one, a busy machine's slow round would watch the first chunk's tags while the second is still out).
    const engine = fx.engine({ config: { pollMs: 60_000 } });
    await engine.runOnce();
    expect((await tasksOf(fx.db, jobId)).every((t) => t.status === "submitted")).toBe(true);
    // Let SWR finish every tag; then the next round, made due now rather than a poll interval later, watches them.
    await vi.waitFor(async () => expect((await fx.swr.listAllTags(south, teamA, builds)).items).toHaveLength(20), { timeout: 10_000, interval: 20 });
    await fx.db.syncJob.update({ where: { id: jobId }, data: { nextRoundAt: new Date() } });
    await simAdmin.resetStats(fx.sim);
    await engine.runOnce();

    const stats = await simAdmin.stats(fx.sim);
    expect(stats.operations).toEqual({ ShowSyncJob: 1, ListRepositoryTags: 1 });
    expect(stats.regions[SEED.regions.source]?.operations).toEqual({ ShowSyncJob: 1 });
    expect(stats.regions[south]?.operations).toEqual({ ListRepositoryTags: 1 });
    expect((await tasksOf(fx.db, jobId)).map((t) => t.status)).toEqual(tags.map(() => "succeeded"));
  });
});

describe("a stable instance id", () => {
  it("lets a restarted engine take back its jobs at once, without waiting for the lease, and submit nothing twice", async () => {
    const tags = buildTags(501, 30);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags });
    let calls = 0;
    const dying: SyncSwr = {
      ...fx.swr,
      createManualSync: async (...args) => {
        const receipt = await fx.swr.createManualSync(...args);
        // The second call reaches SWR; the process dies before writing it down.
        return ++calls === 2 ? new Promise<never>(() => undefined) : receipt;
      },
    };
    // A lease far longer than the test: only taking it back lets the new process go on.
    const config = { leaseMs: 600_000, chunkSize: 10, submitConcurrency: 1 };
    const before = fx.engine({ id: "pod-0", swr: dying, config });
    void before.runOnce();
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 10_000, interval: 5 });
    before.halt();

    const other = fx.engine({ id: "pod-1", config });
    expect(await other.runOnce()).toEqual({ jobs: 0 });
    const { job } = await settle(fx, [fx.engine({ id: "pod-0", config })], jobId);
    expect(job.status).toBe("succeeded");
    expect(Object.fromEntries(await submissionsPerTag(fx, builds))).toEqual(once(tags));
  });
});
