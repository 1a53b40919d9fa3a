import { describe, expect, it } from "vitest";
import { SEED } from "@/simulator/seed";
import type { FaultConfigInput } from "@/simulator/faults";
import { simAdmin } from "@/simulator/testing";
import { createJob, type JobSpec, settle, submissionsPerTag } from "@/test/sync-fixture";
import { withSyncFixture } from "@/test/with-sync-fixture";

// What SWR's refusals and outages turn into on the tasks.

const { source, mirror, south, overseas } = SEED.regions;
const teamA = SEED.namespaces.teamA;
const fx = withSyncFixture();

const nginxToSouth: JobSpec = { sourceRepository: "nginx", targetRegion: south, targetNamespace: teamA, tags: ["1.25.3", "alpine"] };

interface ErrorCase {
  name: string;
  spec: JobSpec;
  wrongSecret?: boolean;
  faults?: FaultConfigInput;
  code: string;
  message: unknown;
  /** sync_images calls SWR saw. */
  submitCalls?: number;
}

describe("SWR errors become clear errors on the tasks", () => {
  it.each<ErrorCase>([
    {
      name: "401: the secret key is wrong",
      spec: nginxToSouth,
      wrongSecret: true,
      code: "APIGW.0301",
      message: "SWR rejected the credentials (check SWR_AK/SWR_SK or the server clock).",
    },
    {
      name: "404: the target namespace does not exist",
      spec: { ...SEED.missingTargetNamespace, sourceNamespace: SEED.namespaces.teamB, sourceRepository: "postgres", targetNamespace: SEED.namespaces.teamB, tags: ["15.6", "16.2"] },
      code: "SVCSTG.SWR.4040183",
      message: "Namespace “team-b” does not exist in ap-southeast-1.",
    },
    {
      name: "403: only read permission on the target namespace",
      spec: { sourceRegion: mirror, sourceRepository: "nginx", targetRegion: source, targetNamespace: SEED.namespaces.mirrors, tags: ["1.25.3"] },
      code: "SVCSTG.SWR.4030170",
      message: expect.stringMatching(/^Insufficient permissions .*writing to namespace mirrors in region cn-north-4 needs edit permission/),
    },
    {
      name: "500 on every sync_images call, after the configured tries",
      spec: nginxToSouth,
      faults: { rules: [{ kind: "error", status: 500, operations: ["CreateManualImageSyncRepo"] }] },
      code: "SVCSTG.SWR.5000007",
      message: "SWR internal error in cn-north-4; try again later.",
      submitCalls: 3,
    },
  ])("$name", async ({ spec, wrongSecret, faults, code, message, submitCalls }) => {
    const jobId = await createJob(fx, spec);
    if (faults) await simAdmin.setFaults(fx.sim, faults);
    const swr = wrongSecret ? fx.client({ credentials: { kind: "aksk", ak: fx.sim.credentials.ak, sk: "not-the-secret-key" } }) : fx.swr;
    const { tasks, job } = await settle(fx, [fx.engine({ swr, config: { maxSubmitTries: 3 } })], jobId);

    expect(job.status).toBe("failed");
    for (const t of tasks) expect(t).toMatchObject({ status: "failed", lastErrorCode: code, lastErrorMessage: message, swrStatus: null });
    // The same error kept as a catalog message, so each reader sees it in their language.
    for (const t of tasks) expect(JSON.parse(t.lastErrorMsg ?? "null")).toMatchObject({ key: expect.stringMatching(/^swrErrors\./) });
    if (submitCalls) expect((await simAdmin.stats(fx.sim)).operations.CreateManualImageSyncRepo).toBe(submitCalls);
    expect((await submissionsPerTag(fx, spec.sourceRepository, spec.sourceNamespace)).size).toBe(0);
  });
});

describe("a refusal that concerns one tag", () => {
  it("fails only that tag: the refused chunk is submitted again tag by tag", async () => {
    // "gone" stands for a tag deleted from the source after the job was created.
    const jobId = await createJob(fx, { ...nginxToSouth, tags: ["1.25.3", "gone", "alpine"] });
    const { tasks, job } = await settle(fx, [fx.engine()], jobId);

    expect(job.status).toBe("partially_failed");
    const byTag = new Map(tasks.map((t) => [t.tag, t]));
    expect(byTag.get("gone")).toMatchObject({ status: "failed", lastErrorMessage: expect.stringContaining("gone") });
    for (const tag of ["1.25.3", "alpine"]) expect(byTag.get(tag)).toMatchObject({ status: "succeeded" });
    // One call for the chunk, then one per tag.
    expect((await simAdmin.stats(fx.sim)).operations.CreateManualImageSyncRepo).toBe(4);
  });
});

describe("SWR outages that pass", () => {
  it("with 429s and 500s at random every tag still ends succeeded, each submitted once", async () => {
    const tags = ["7.0.15", "7.2.4", "7.2.5", "latest"];
    const jobId = await createJob(fx, { sourceRepository: "redis", targetRegion: overseas, targetNamespace: SEED.namespaces.teamABackup, tags });
    await simAdmin.setFaults(fx.sim, {
      seed: 7,
      rules: [
        { kind: "throttle", rate: 0.3, retryAfterSeconds: 0 },
        { kind: "error", status: 500, rate: 0.2 },
      ],
    });
    // One tag per call, so that the faults meet several calls.
    const { tasks, job } = await settle(fx, [fx.engine({ config: { maxSubmitTries: 10, chunkSize: 1 } })], jobId, 30_000);

    expect(job.status).toBe("succeeded");
    for (const t of tasks) expect(t.targetDigest).toBe(t.sourceDigest);
    expect(Object.fromEntries(await submissionsPerTag(fx, "redis"))).toEqual(Object.fromEntries(tags.map((t) => [t, 1])));
    // Some sync_images calls were refused and made again, yet no tag reached SWR twice.
    expect((await simAdmin.stats(fx.sim)).operations.CreateManualImageSyncRepo).toBeGreaterThan(tags.length);
  });

  it("a submission whose answer was lost is found in SWR's records, not sent again (§9.3)", async () => {
    const jobId = await createJob(fx, nginxToSouth);
    // SWR takes the call but answers after the client has given up.
    await simAdmin.setFaults(fx.sim, { rules: [{ kind: "latency", ms: 500, count: 1, operations: ["CreateManualImageSyncRepo"] }] });
    const swr = fx.client({ timeoutMs: 200 });
    const { tasks } = await settle(fx, [fx.engine({ swr, config: { backoffBaseMs: 800, backoffMaxMs: 800 } })], jobId);

    expect(tasks.map((t) => t.status)).toEqual(["succeeded", "succeeded"]);
    expect((await simAdmin.stats(fx.sim)).operations.CreateManualImageSyncRepo).toBe(1);
    expect(Object.fromEntries(await submissionsPerTag(fx, "nginx"))).toEqual({ "1.25.3": 1, alpine: 1 });
  });
});
