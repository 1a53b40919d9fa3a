import { describe, expect, it } from "vitest";
import { bigRepoTagName, SEED } from "@/simulator/seed";
import { SwrError } from "@/lib/swr/errors";
import type { FaultConfigInput } from "@/simulator/faults";
import { simAdmin } from "@/simulator/testing";
import { countReaches, createJob, gatedSyncCalls, settle, submissionsPerTag } from "@/test/sync-fixture";
import { withSyncFixture } from "@/test/with-sync-fixture";

// A 1,000-tag job against an unreliable SWR (seeded, so it replays): errors, calls that hang until the
// client gives up, dropped connections. Every tag ends, and no tag reaches SWR twice.

const { south } = SEED.regions;
const teamA = SEED.namespaces.teamA;
const builds = SEED.bigRepository.repository;
const tags = Array.from({ length: 1_000 }, (_, i) => bigRepoTagName(i + 1));
const fx = withSyncFixture();

describe("throughput under faults", () => {
  it.each([
    ["30 % 500s, 3 % hangs, 5 % drops", 0.3, 0.03, 0.05],
    ["50 % 500s, 5 % hangs, 10 % drops", 0.5, 0.05, 0.1],
  ])("with %s every tag succeeds, each accepted once", async (_name, errors, hangs, drops) => {
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags });
    await simAdmin.setFaults(fx.sim, {
      seed: 11,
      rules: [
        { kind: "hang", rate: hangs },
        { kind: "drop", rate: drops },
        { kind: "error", status: 500, rate: errors },
      ],
    });
    // Hung calls end at the client's timeout; the other calls of the job go on meanwhile. A call without an answer
    // may land until the landing slack has passed, never shorter than the client's timeout; the simulator runs in
    // this very process and under load may take up a request a second after the client gave up, so it is generous.
    const timeoutMs = 400;
    const swr = fx.client({ timeoutMs, retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 20 } });
    const config = { maxSubmitTries: 20, pollMs: 30, landingSlackMs: 5 * timeoutMs };
    const { tasks, job } = await settle(fx, [fx.engine({ swr, config })], jobId, 150_000);

    expect(job).toMatchObject({ status: "succeeded", succeeded: tags.length });
    expect(tasks.every((t) => t.targetDigest === t.sourceDigest)).toBe(true);
    const accepted = await submissionsPerTag(fx, builds);
    expect(accepted.size).toBe(tags.length);
    expect([...accepted.values()].every((n) => n === 1)).toBe(true);
  }, 180_000);
});

/** A job over the tags, with the simulator's faults set for what follows. */
async function jobWithFaults(list: readonly string[], rules: FaultConfigInput["rules"]): Promise<string> {
  const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags: [...list] });
  await simAdmin.setFaults(fx.sim, { rules });
  return jobId;
}

/** SWR accepted each of the tags exactly once. */
async function expectAcceptedOnce(list: readonly string[]) {
  const accepted = await submissionsPerTag(fx, builds);
  expect(list.map((t) => accepted.get(t))).toEqual(list.map(() => 1));
}

/** The fixture's real SWR client, noting when each sync_images call settled and whether SWR accepted it. */
function notingCalls(timeoutMs: number) {
  const client = fx.client({ timeoutMs });
  const calls: { ok: boolean; settledAt: number }[] = [];
  const swr = {
    ...client,
    createManualSync: async (...args: Parameters<typeof client.createManualSync>) => {
      try {
        const receipt = await client.createManualSync(...args);
        calls.push({ ok: true, settledAt: Date.now() });
        return receipt;
      } catch (error) {
        calls.push({ ok: false, settledAt: Date.now() });
        throw error;
      }
    },
  };
  return { swr, calls };
}

describe("a hung call holds up nothing else", () => {
  const twenty = tags.slice(0, 20);
  const timeoutMs = 1_500;
  const config = { chunkSize: 10, pollMs: 30, landingSlackMs: timeoutMs };
  const once = ["CreateManualImageSyncRepo" as const];

  it("the tags of the job's other chunks end while one sync_images call hangs, and the hung chunk is sent again once", async () => {
    const jobId = await jobWithFaults(twenty, [{ kind: "hang", count: 1, operations: once }]);
    const { swr, calls } = notingCalls(timeoutMs);
    const { tasks, job } = await settle(fx, [fx.engine({ swr, config })], jobId, 30_000);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 20 });
    const hung = calls.filter((c) => !c.ok);
    expect(hung).toHaveLength(1);
    // The chunk answered at once was watched and ended while the other call was still out.
    const firstTry = tasks.filter((t) => t.submitTries === 1);
    expect(firstTry).toHaveLength(10);
    for (const t of firstTry) expect(t.finishedAt!.getTime()).toBeLessThan(hung[0]!.settledAt);
    await expectAcceptedOnce(twenty);
  }, 40_000);

  it("more hung calls than the job and its region may have out hold up nothing either: slow calls give their places back", async () => {
    const hundredTwenty = tags.slice(0, 120);
    // The first four calls hang: twice as many as the job (and the region) may have out at once.
    const jobId = await jobWithFaults(hundredTwenty, [{ kind: "hang", count: 4, operations: once }]);
    const { swr, calls } = notingCalls(timeoutMs);
    const narrow = { ...config, submitConcurrency: 2, regionConcurrency: 2, slowCallMs: 100 };
    const { tasks, job } = await settle(fx, [fx.engine({ swr, config: narrow })], jobId, 30_000);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 120 });
    const hung = calls.filter((c) => !c.ok);
    expect(hung).toHaveLength(4);
    // The eight chunks answered at once went out and ended while all four hung calls were still out.
    const firstTry = tasks.filter((t) => t.submitTries === 1);
    expect(firstTry).toHaveLength(80);
    const firstHungEnd = Math.min(...hung.map((c) => c.settledAt));
    for (const t of firstTry) expect(t.finishedAt!.getTime()).toBeLessThan(firstHungEnd);
    await expectAcceptedOnce(hundredTwenty);
  }, 40_000);

  it("a chunk SWR answered with a 500 goes out again in the same round, once a read of the records shows it did not land", async () => {
    // The first call hangs, the second is answered with a 500 (the simulator takes the first rule that fires).
    const jobId = await jobWithFaults(twenty, [{ kind: "hang", count: 1, operations: once }, { kind: "error", status: 500, count: 1, operations: once }]);
    const { swr, calls } = notingCalls(timeoutMs);
    const { tasks, job } = await settle(fx, [fx.engine({ swr, config })], jobId, 30_000);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 20 });
    const failed = calls.filter((c) => !c.ok);
    expect(failed).toHaveLength(2);
    const hungSettledAt = Math.max(...failed.map((c) => c.settledAt));
    // Both failed chunks took two calls; the refused one's second call went out, and its tags ended, before the hung
    // call timed out: it did not wait for the next round.
    expect(tasks.filter((t) => t.submitTries === 2)).toHaveLength(20);
    expect(tasks.filter((t) => t.finishedAt!.getTime() < hungSettledAt)).toHaveLength(10);
    await expectAcceptedOnce(twenty);
  }, 40_000);

  it("a round whose submitting time is up goes on submitting while a call it sent before then is still out", async () => {
    const jobId = await jobWithFaults(twenty, [{ kind: "hang", count: 1, operations: once }, { kind: "error", status: 500, count: 1, operations: once }]);
    const { swr, calls } = notingCalls(timeoutMs);
    // The refused chunk's backoff ends after the round's submitting time, long before the hung call times out.
    const short = { ...config, roundSubmitMs: 50, backoffBaseMs: 100 };
    const { tasks, job } = await settle(fx, [fx.engine({ swr, config: short })], jobId, 30_000);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 20 });
    const failed = calls.filter((c) => !c.ok);
    expect(failed).toHaveLength(2);
    const hungSettledAt = Math.max(...failed.map((c) => c.settledAt));
    // The round could not end before the hung call did: the refused chunk went out again meanwhile, not in the next round.
    expect(tasks.filter((t) => t.finishedAt!.getTime() < hungSettledAt)).toHaveLength(10);
    await expectAcceptedOnce(twenty);
  }, 40_000);

  it("a chunk whose call was dropped goes out again in the same round once its landing window is over", async () => {
    const thirty = tags.slice(0, 30);
    const jobId = await jobWithFaults(thirty, [{ kind: "drop", count: 1, operations: once }]);
    // The second chunk's first call stays out until the test has looked (or ten seconds have passed).
    let held = false;
    const gate = gatedSyncCalls(fx.client({ timeoutMs: 20_000 }), (_call, args) => !held && (held = args[3].imageTag.includes(thirty[10]!)));
    const timer = setTimeout(gate.open, 10_000);
    const engine = fx.engine({ swr: gate.swr, config: { ...config, backoffBaseMs: 100 } });
    const settled = settle(fx, [engine], jobId, 40_000);
    const retried = () => fx.db.syncTask.count({ where: { jobId, status: "succeeded", submitTries: 2 } });
    // The round could not end while the held call was out: the dropped chunk went again within it, once a read that
    // began after its landing window showed none of its tags.
    expect(await countReaches(retried, 10, 10_000)).toBe(10);
    gate.open();
    clearTimeout(timer);

    const { job } = await settled;
    expect(job).toMatchObject({ status: "succeeded", succeeded: 30 });
    await expectAcceptedOnce(thirty);
  }, 60_000);

  it("what a round's reads settle is written while its calls go out, not after its first watch pass", async () => {
    // One chunk is refused with a 500 and waits for the next round; that round finds the other chunk's tags done, then
    // sends the refused chunk again, and that call does not come back until the test has looked.
    const jobId = await jobWithFaults(twenty, [{ kind: "error", status: 500, count: 1, operations: once }]);
    const gate = gatedSyncCalls(fx.client({ timeoutMs: 20_000 }), (call) => call === 3);
    // Watch passes 20 s apart: only the round itself can have written the other chunk's tags while the call is out.
    const slow = { ...config, pollMs: 20_000, roundSubmitMs: 50, backoffBaseMs: 400 };
    const engine = fx.engine({ swr: gate.swr, config: slow });
    const settled = settle(fx, [engine], jobId, 40_000);
    await gate.reached;
    expect(await countReaches(() => fx.db.syncTask.count({ where: { jobId, status: "succeeded" } }), 10, 5_000)).toBe(10);
    gate.open();

    const { job } = await settled;
    expect(job).toMatchObject({ status: "succeeded", succeeded: 20 });
    await expectAcceptedOnce(twenty);
  }, 60_000);

  it("a chunk SWR synced but answered with a 500 is found in the records and never sent again", async () => {
    const ten = tags.slice(0, 10);
    const jobId = await createJob(fx, { sourceRepository: builds, targetRegion: south, targetNamespace: teamA, tags: ten });
    // SWR takes the first call and then answers 500, which the simulator cannot do on its own: the real call goes out,
    // and its answer is replaced by SWR's internal-error answer.
    const client = fx.client({ timeoutMs });
    let calls = 0;
    const swr = {
      ...client,
      createManualSync: async (...args: Parameters<typeof client.createManualSync>) => {
        const receipt = await client.createManualSync(...args);
        if (++calls > 1) return receipt;
        throw new SwrError({ kind: "http", operation: "CreateManualImageSyncRepo", region: args[0], status: 500, code: "SVCSTG.SWR.5000001" });
      },
    };
    const { tasks, job } = await settle(fx, [fx.engine({ swr, config })], jobId, 30_000);

    expect(job).toMatchObject({ status: "succeeded", succeeded: 10 });
    expect(calls).toBe(1);
    expect(tasks.every((t) => t.targetDigest === t.sourceDigest)).toBe(true);
    await expectAcceptedOnce(ten);
  }, 40_000);
});
