import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import type { SyncLogger } from "./context";
import { cancelUnsentTasks } from "./handoff";
import { WATCH_PASS_LOG } from "./round";
import { bigRepoTagName, SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { createJob, dyingAfter, gatedSyncCalls, quietLog, settle, submissionsPerTag } from "@/test/sync-fixture";
import { withSyncFixture } from "@/test/with-sync-fixture";

// Jobs of thousands of tags through the real engine, the simulator over HTTP and the suite's database
// (SQLite or PostgreSQL): every tag lands once, and SWR is called as often as the job needs, not per tag.

const { south, mirror, overseas } = SEED.regions;
const teamA = SEED.namespaces.teamA;
const builds = SEED.bigRepository.repository;
const buildTags = (from: number, count: number) => Array.from({ length: count }, (_, i) => bigRepoTagName(from + i));
const fx = withSyncFixture();

/** A quiet log that counts the engine's watch passes (lib/sync/round.ts). */
function watchPasses() {
  let n = 0;
  const log: SyncLogger = { ...quietLog, debug: (...args: unknown[]) => void (args.includes(WATCH_PASS_LOG) && n++) };
  return { log, count: () => n };
}

const onceEach = (tags: readonly string[]) => Object.fromEntries(tags.map((t) => [t, 1]));

describe("jobs at repository scale", () => {
  it.each([
    [1_000, 10, south],
    [5_000, 50, mirror],
  ])("a %i-tag job (chunks of %i) ends with every tag verified, each submitted once, in few SWR calls per round", async (count, chunkSize, target) => {
    const tags = buildTags(1, count);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: target, targetNamespace: teamA, tags });
    await simAdmin.resetStats(fx.sim);
    const passes = watchPasses();
    const { tasks, job, rounds } = await settle(fx, [fx.engine({ log: passes.log, config: { chunkSize, pollMs: 20, roundSubmitMs: 60_000 } })], jobId, 120_000);

    expect(job).toMatchObject({ status: "succeeded", total: count, succeeded: count, queued: 0, active: 0, failed: 0, nextRoundAt: null });
    expect(tasks.every((t) => t.status === "succeeded" && t.targetDigest === t.sourceDigest)).toBe(true);
    expect(Object.fromEntries(await submissionsPerTag(fx, builds))).toEqual(onceEach(tags));
    const ops = (await simAdmin.stats(fx.sim)).operations;
    expect(ops.CreateManualImageSyncRepo).toBe(Math.ceil(count / chunkSize));
    // One record read a round (no old record read twice), and at most one walk of the target a round; while the
    // round's calls are out, one read and walk more per watch pass (one a poll interval).
    const pages = Math.ceil(count / 1000);
    expect(ops.ShowSyncJob).toBeLessThanOrEqual(rounds + pages + passes.count() * pages);
    expect(ops.ListRepositoryTags).toBeLessThanOrEqual((rounds + passes.count()) * pages);
  }, 180_000);

  it("a crash mid-job of 3,000 tags: another engine finishes it after the lease expires, no tag submitted twice", async () => {
    const tags = buildTags(1, 3_000);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: overseas, targetNamespace: SEED.namespaces.teamABackup, tags });
    // The 40th call reaches SWR, then the process dies (kill -9) before it can write down that it did.
    const dying = dyingAfter(fx, 40);
    const leaseMs = 1_000;
    const config = { leaseMs, chunkSize: 25, roundSubmitMs: 60_000 };
    const first = fx.engine({ id: "engine-crash", swr: dying.swr, config });
    const pass = first.runOnce();
    // Calls in flight beside it finish; the halted engine starts no more.
    await vi.waitFor(() => expect(dying.calls()).toBeGreaterThanOrEqual(40), { timeout: 20_000, interval: 5 });
    first.halt();

    const second = fx.engine({ id: "engine-after", config });
    expect(await second.runOnce()).toEqual({ jobs: 0 });
    await sleep(leaseMs);
    const { job } = await settle(fx, [second], jobId, 120_000);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 3_000 });
    expect(Object.fromEntries(await submissionsPerTag(fx, builds, teamA))).toEqual(onceEach(tags));
    dying.crash();
    await pass;
  }, 180_000);

  it("a cancel stops what was not sent; what SWR has finishes as SWR reports it", async () => {
    const tags = buildTags(1, 2_000);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags });
    // The 21st sync_images call waits until the cancel is in, so that the cancel meets a job half sent.
    const gate = gatedSyncCalls(fx.client(), (call) => call > 20);
    const engine = fx.engine({ swr: gate.swr, config: { chunkSize: 10 } });
    const round = engine.runOnce();
    await gate.reached;
    const now = new Date();
    await fx.db.syncJob.update({ where: { id: jobId }, data: { cancelledAt: now } });
    const unsent = await cancelUnsentTasks(fx.db, jobId, now);
    gate.open();
    await round;
    const { tasks, job } = await settle(fx, [engine], jobId, 60_000);

    const sent = tasks.filter((t) => t.status === "succeeded");
    // The calls already on their way when the cancel came went out: those tags are SWR's and end as it reports them.
    const stopped = tasks.filter((t) => t.status === "cancelled");
    expect(unsent).toBeGreaterThanOrEqual(stopped.length);
    expect(stopped.length).toBeGreaterThan(1_000);
    expect(sent.length).toBeGreaterThanOrEqual(200);
    expect(sent.length + stopped.length).toBe(2_000);
    expect(job).toMatchObject({ status: "cancelled", cancelled: stopped.length, succeeded: sent.length });
    expect((await submissionsPerTag(fx, builds)).size).toBe(sent.length);
  }, 120_000);
});
