import { describe, expect, it } from "vitest";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { resetForNewAttempt } from "./handoff";
import type { SyncSwr } from "./context";
import { createJob, settle, submissionsPerTag } from "@/test/sync-fixture";
import { withSyncFixture } from "@/test/with-sync-fixture";

// The engine end to end against the simulator over HTTP and a real migrated database.

const { source, mirror, south } = SEED.regions;
const teamA = SEED.namespaces.teamA;
const fx = withSyncFixture();

const byTag = <T extends { tag: string }>(tasks: T[]) => Object.fromEntries(tasks.map((t) => [t.tag, t]));

describe("sync engine", () => {
  it("syncs every tag and verifies the target holds the source's digest", async () => {
    const tags = ["1.25.3", "1.25.4", "1.26.0", "alpine", "latest"];
    const jobId = await createJob(fx, { sourceRepository: "nginx", targetRegion: south, targetNamespace: teamA, tags });
    const { tasks, job } = await settle(fx, [fx.engine()], jobId);

    expect(job).toMatchObject({ status: "succeeded", total: 5, succeeded: 5, failed: 0, queued: 0, active: 0, finishedAt: expect.any(Date), leaseOwner: null, nextRoundAt: null });
    const target = await fx.swr.listAllTags(south, teamA, "nginx");
    for (const t of tasks) {
      expect(t).toMatchObject({ status: "succeeded", lastErrorMessage: null, finishedAt: expect.any(Date), submittedAt: expect.any(Date) });
      expect(t.sourceDigest).toMatch(/^sha256:/);
      expect(t.targetDigest).toBe(t.sourceDigest);
      expect(target.items.find((x) => x.Tag === t.tag)?.digest).toBe(t.sourceDigest);
    }
    expect([...(await submissionsPerTag(fx, "nginx")).values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it.each([
    ["failed", /SWR reports that the sync to namespace “team-a” in cn-south-1 failed/],
    ["timeout", /timed out/],
    ["cancel", /was cancelled/],
  ] as const)("a tag SWR ends as %s fails in words while the others succeed", async (status, message) => {
    await simAdmin.setFaults(fx.sim, { syncFailures: [{ region: source, namespace: teamA, repository: "redis", tag: "7.2.5", status }] });
    const jobId = await createJob(fx, { sourceRepository: "redis", targetRegion: south, targetNamespace: teamA, tags: ["7.0.15", "7.2.5", "latest"] });
    const { tasks, job } = await settle(fx, [fx.engine()], jobId);

    expect(job).toMatchObject({ status: "partially_failed", succeeded: 2, failed: 1 });
    const t = byTag(tasks);
    expect(t["7.2.5"]).toMatchObject({ status: "failed", lastErrorCode: `swr_${status}`, lastErrorMessage: expect.stringMatching(message), swrStatus: status });
    expect(t["7.0.15"]?.status).toBe("succeeded");
    expect(t.latest?.status).toBe("succeeded");
  });

  it("a retry of the failed tags succeeds once SWR stops failing them", async () => {
    await simAdmin.setFaults(fx.sim, { syncFailures: [{ region: source, namespace: teamA, repository: "apps/web", tag: "1.1.0", count: 1 }] });
    const jobId = await createJob(fx, { sourceRepository: "apps/web", targetRegion: south, targetNamespace: teamA, tags: ["1.0.0", "1.1.0", "1.2.0"] });
    const engine = fx.engine();
    expect((await settle(fx, [engine], jobId)).job.status).toBe("partially_failed");

    // The engine's hand-off that POST /api/jobs/{id}/retry uses.
    expect(await resetForNewAttempt(fx.db, jobId, new Date())).toBe(1);
    const { tasks, job } = await settle(fx, [engine], jobId);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 3 });
    expect(byTag(tasks)["1.1.0"]).toMatchObject({ status: "succeeded", attempts: 2, submitTries: 1 });
    expect(Object.fromEntries(await submissionsPerTag(fx, "apps/web"))).toEqual({ "1.0.0": 1, "1.1.0": 2, "1.2.0": 1 });
  });

  it("a tag the target holds with another image is kept without override; an identical one succeeds; the job succeeds", async () => {
    const { overrideConflict, alreadyInSync } = SEED;
    const jobId = await createJob(fx, { sourceRepository: "nginx", targetRegion: mirror, targetNamespace: teamA, tags: [overrideConflict.tag, alreadyInSync.tag] });
    const { tasks, job } = await settle(fx, [fx.engine()], jobId);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 1, kept: 1, failed: 0 });
    const conflict = byTag(tasks)[overrideConflict.tag];
    expect(conflict).toMatchObject({ status: "kept", swrStatus: "existed", lastErrorCode: null, lastErrorMessage: null, finishedAt: expect.any(Date) });
    expect(conflict?.targetDigest).not.toBe(conflict?.sourceDigest);
    expect(byTag(tasks)[alreadyInSync.tag]?.status).toBe("succeeded");
  });

  it("a new attempt of the kept tags with override on replaces the target's image", async () => {
    const { overrideConflict } = SEED;
    const jobId = await createJob(fx, { sourceRepository: "nginx", targetRegion: mirror, targetNamespace: teamA, tags: [overrideConflict.tag, "1.26.0"] });
    const engine = fx.engine();
    expect((await settle(fx, [engine], jobId)).job).toMatchObject({ status: "succeeded", kept: 1 });

    // The engine's hand-off that POST /api/jobs/{id}/overwrite-kept uses, with the job's override turned on.
    expect(await resetForNewAttempt(fx.db, jobId, new Date(), ["kept"])).toBe(1);
    await fx.db.syncJob.update({ where: { id: jobId }, data: { override: true, attempt: 2, finishedAt: null } });
    const { tasks, job } = await settle(fx, [engine], jobId);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 2, kept: 0 });
    const replaced = byTag(tasks)[overrideConflict.tag];
    expect(replaced).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(replaced?.targetDigest).toBe(replaced?.sourceDigest);
    const target = await fx.swr.listAllTags(mirror, teamA, "nginx");
    expect(target.items.find((x) => x.Tag === overrideConflict.tag)?.digest).toBe(replaced?.sourceDigest);
  });

  it("with override the different image is replaced", async () => {
    const jobId = await createJob(fx, { sourceRepository: "nginx", targetRegion: mirror, targetNamespace: teamA, tags: ["latest"], override: true });
    const { tasks } = await settle(fx, [fx.engine()], jobId);
    expect(tasks[0]).toMatchObject({ status: "succeeded", targetDigest: tasks[0]?.sourceDigest });
  });

  it("without any SWR record it checks the target after the record window (§11 #2)", async () => {
    const blind: SyncSwr = { ...fx.swr, listSyncJobs: async () => ({ items: [], total: 0, offset: 0, limit: 100 }) };
    const jobId = await createJob(fx, { sourceRepository: "redis", targetRegion: south, targetNamespace: teamA, tags: ["7.0.15", "latest"] });
    const { tasks } = await settle(fx, [fx.engine({ swr: blind, config: { recordWindowMs: 100 } })], jobId);
    expect(tasks.map((t) => [t.status, t.swrStatus])).toEqual([
      ["succeeded", null],
      ["succeeded", null],
    ]);
  });

  it("a tag that never shows up fails: not found in target after N", async () => {
    // SWR accepts the call, then nothing happens: no record, no tag.
    const silent: SyncSwr = { ...fx.swr, createManualSync: async (_r, _n, _p, input) => ({ submittedTags: [...input.imageTag] }) };
    const jobId = await createJob(fx, { sourceRepository: "redis", targetRegion: south, targetNamespace: teamA, tags: ["7.2.4"] });
    const { tasks, job } = await settle(fx, [fx.engine({ swr: silent, config: { recordWindowMs: 50, noProgressMs: 400 } })], jobId);
    expect(job.status).toBe("failed");
    expect(tasks[0]).toMatchObject({ status: "failed", lastErrorCode: "no_progress", lastErrorMessage: "Not found in target after 0.4 seconds." });
  });
});
