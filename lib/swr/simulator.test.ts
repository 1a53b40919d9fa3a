import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { createSwrClient, type SwrClient } from "./client";
import { type SwrClientConfig } from "./config";
import { swrRejection } from "@/test/swr/rejection";

// lib/swr end to end against the SWR simulator over real HTTP.

const { source, overseas } = SEED.regions;
const { teamA, teamB, teamABackup, sharedTools } = SEED.namespaces;

let sim: RunningSimulator;
let swr: SwrClient;

function client(config: Partial<SwrClientConfig> = {}): SwrClient {
  return createSwrClient({
    credentials: { kind: "aksk", ...sim.credentials },
    swrEndpointTemplate: sim.endpointTemplate,
    iamEndpointTemplate: sim.endpointTemplate,
    sleep: () => Promise.resolve(),
    ...config,
  });
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, syncDelayMs: 20 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await simAdmin.reset(sim);
  swr = client();
});

describe("connection and credentials", () => {
  it("probes the simulator as such", async () => {
    expect(await swr.probe(source)).toMatchObject({ kind: "simulator", endpoint: `${sim.url}/${source}`, apiVersion: expect.any(String) });
  });

  it("looks the project ID up in the simulator's IAM once per region", async () => {
    await swr.listNamespaces(source);
    await swr.showNamespace(source, teamA);
    const stats = await simAdmin.stats(sim);
    expect(stats.regions[source]?.operations).toMatchObject({ KeystoneListProjects: 1, ListNamespaces: 1, ShowNamespace: 1 });
  });

  it("signs in with an IAM password token", async () => {
    const tokenClient = client({ credentials: { kind: "password", ...sim.iamUser, user: sim.iamUser.name } });
    expect((await tokenClient.showNamespace(source, teamA)).name).toBe(teamA);
    expect((await tokenClient.listNamespaces(source)).length).toBeGreaterThan(0);
    expect((await simAdmin.stats(sim)).operations.KeystoneCreateUserTokenByPassword).toBe(1);
  });

  it("says the credentials were refused for a wrong SK", async () => {
    const wrong = client({ credentials: { kind: "aksk", ak: sim.credentials.ak, sk: `${sim.credentials.sk}x` }, projectIds: { [source]: "x" } });
    const err = await swrRejection(wrong.listNamespaces(source));
    expect(err.status).toBe(401);
    expect(err.message).toBe("SWR rejected the credentials (check SWR_AK/SWR_SK or the server clock).");
    expect(JSON.stringify(err)).not.toContain(sim.credentials.sk);
  });

  it("retries an injected 500 and succeeds", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "error", status: 500, operations: ["ListNamespaces"], count: 2 }] });
    expect((await swr.listNamespaces(source)).length).toBeGreaterThan(0);
    expect((await simAdmin.stats(sim)).operations.ListNamespaces).toBe(3);
  });
});

describe("browsing", () => {
  it("lists and shows namespaces, including visible-only ones on request", async () => {
    const names = (await swr.listNamespaces(source)).map((n) => n.name);
    expect(names).toContain(teamA);
    expect(names).not.toContain(sharedTools);
    expect((await swr.listNamespaces(source, { mode: "visible" })).map((n) => n.name)).toContain(sharedTools);
    expect(await swr.showNamespace(source, teamA)).toMatchObject({ name: teamA, auth: 7 });
  });

  it("names a namespace missing in the target region", async () => {
    const { namespace, targetRegion } = SEED.missingTargetNamespace;
    const err = await swrRejection(swr.showNamespace(targetRegion, namespace));
    expect(err.status).toBe(404);
    expect(err.message).toBe(`Namespace “${namespace}” does not exist in ${targetRegion}.`);
  });

  it("lists, pages and shows repositories with `/` in their names", async () => {
    const page = await swr.listRepos(source, { namespace: teamA, limit: 2, orderColumn: "name", orderType: "asc" });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(5);
    const all = await swr.listAllRepos(source, { namespace: teamA }, { pageSize: 2 });
    expect(all.items.map((r) => r.name).sort()).toEqual(["apps/api", "apps/web", "ci-builds", "nginx", "redis"]);
    expect(await swr.showRepository(source, teamA, "apps/web")).toMatchObject({ name: "apps/web", num_images: 4 });
    const tags = await swr.listTags(source, teamA, "apps/web", { orderColumn: "tag", orderType: "asc" });
    expect(tags.items.map((t) => t.Tag)).toEqual(["1.0.0", "1.1.0", "1.2.0", "latest"]);
  });

  it("walks all 5,000 tags of the big repository", async () => {
    const { region, namespace, repository, tagCount } = SEED.bigRepository;
    const all = await swr.listAllTags(region, namespace, repository, {}, { pageSize: 1000 });
    expect(all).toMatchObject({ total: tagCount, truncated: false });
    expect(new Set(all.items.map((t) => t.Tag)).size).toBe(tagCount);
    expect((await simAdmin.stats(sim)).operations.ListRepositoryTags).toBe(5);
  });

  it("finds one tag exactly and nothing in a missing repository", async () => {
    expect((await swr.findTag(source, teamA, "apps/web", "1.1.0"))?.Tag).toBe("1.1.0");
    expect(await swr.findTag(source, teamA, "apps/web", "1.1")).toBeUndefined();
    expect(await swr.findTag(overseas, teamABackup, "apps/web", "1.1.0")).toBeUndefined();
  });

  it("reads ListSyncRegions in the newer shape, with registry addresses", async () => {
    expect(await swr.listSyncRegions(source)).toEqual(
      ["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"].map((id) => ({ id, registryUrl: `swr.${id}.myhuaweicloud.com` })),
    );
  });

  it("offers SWR's sync targets, the source left out", async () => {
    const result = await swr.listSyncTargets(source);
    expect(result.origin).toBe("swr");
    expect(result.regions.map((r) => r.id)).toEqual(["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"]);
    expect(result.regions).toContainEqual({ id: overseas, label: "CN-Hong Kong" });
  });

  it("falls back to the documented sync regions when ListSyncRegions fails", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "error", status: 404, operations: ["ListSyncRegions"] }] });
    const result = await swr.listSyncTargets(source);
    expect(result).toMatchObject({ origin: "documented", fallbackReason: expect.any(String) });
    expect(result.regions.map((r) => r.id)).toEqual(["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"]);
    expect((await simAdmin.stats(sim)).operations.ListSyncRegions).toBe(1);
  });

  it("finds no targets from a region outside the sync regions", async () => {
    expect(await swr.listSyncTargets(SEED.regions.noSync)).toMatchObject({ origin: "documented", regions: [] });
  });
});

describe("syncing", () => {
  it("says in words that SWR refuses a sync to a region outside the sync regions", async () => {
    const err = await swrRejection(swr.createManualSync(source, teamA, "nginx", { imageTag: ["latest"], remoteNamespace: teamA, remoteRegionId: SEED.regions.noSync }));
    expect(err.status).toBe(400);
    expect(err.message).toContain("image synchronization to region cn-southwest-2 is not supported");
  });

  it("syncs a tag from submit to the target with the same digest", async () => {
    const repository = "apps/web";
    const tag = "1.2.0";
    const sourceTag = await swr.findTag(source, teamA, repository, tag);
    const receipt = await swr.createManualSync(source, teamA, repository, { imageTag: [tag], remoteNamespace: teamABackup, remoteRegionId: overseas });
    expect(receipt.submittedTags).toEqual([tag]);

    let status = "";
    for (let i = 0; i < 100 && !["success", "failed", "timeout", "cancel", "existed"].includes(status); i++) {
      await new Promise((r) => setTimeout(r, 20));
      const jobs = await swr.listSyncJobs(source, teamA, repository, { limit: 10 });
      status = jobs.items.find((j) => j.tag === tag && j.remoteRegionId === overseas && j.remoteNamespace === teamABackup)?.status ?? "";
    }
    expect(status).toBe("success");
    const landed = await swr.findTag(overseas, teamABackup, repository, tag);
    expect(landed?.digest).toBe(sourceTag?.digest);
    expect(landed?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("names the missing target namespace, not the source, when a sync cannot land", async () => {
    const { namespace, sourceRegion, targetRegion } = SEED.missingTargetNamespace;
    const err = await swrRejection(swr.createManualSync(sourceRegion, teamA, "nginx", { imageTag: ["latest"], remoteNamespace: namespace, remoteRegionId: targetRegion }));
    expect(err.status).toBe(404);
    expect(err.message).toBe(`Namespace “${namespace}” does not exist in ${targetRegion}.`);
  });

  it("creates, lists and deletes an auto-sync rule; deleting twice is fine", async () => {
    const target = { remoteRegionId: overseas, remoteNamespace: teamABackup };
    await swr.createAutoSyncRule(source, teamA, "nginx", target);
    expect(await swr.listAutoSyncRules(source, teamA, "nginx")).toMatchObject([{ ...target, syncAuto: true, repoName: "nginx" }]);
    expect(await swr.deleteAutoSyncRule(source, teamA, "nginx", target)).toEqual({ alreadyDeleted: false });
    expect(await swr.deleteAutoSyncRule(source, teamA, "nginx", target)).toEqual({ alreadyDeleted: true });
    expect(await swr.listAutoSyncRules(source, teamA, "nginx")).toEqual([]);
  });

  it("reads 404 for a missing namespace in a sync source", async () => {
    const err = await swrRejection(swr.listSyncJobs(overseas, teamB, "postgres"));
    expect(err.message).toBe(`Namespace “${teamB}” does not exist in ${overseas}.`);
  });
});
