import { describe, expect, it } from "vitest";
import { bigRepoTagName, SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { createJob, settle, submissionsPerTag } from "@/test/sync-fixture";
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
