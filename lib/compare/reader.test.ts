import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLimiter, type Limiter } from "@/lib/collections";
import { createSwrClient, type SwrClient } from "@/lib/swr/client";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { swrRejection } from "@/test/swr/rejection";
import { compareRepository, COMPARE_READS_AT_ONCE, getCompareScope } from "./reader";
import type { ComparePlace } from "./scope";

// The comparison's reads against the SWR simulator over real HTTP, counted by the simulator.

const { source, targets: expected } = SEED.comparison;
const overseas: ComparePlace = { region: "ap-southeast-1", namespace: "team-a" };
const mirror: ComparePlace = { region: "cn-east-3", namespace: "team-a" };
const south: ComparePlace = { region: "cn-south-1", namespace: "team-a" };

let sim: RunningSimulator;
let swr: SwrClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, syncDelayMs: 20 });
  swr = createSwrClient({
    credentials: { kind: "aksk", ...sim.credentials },
    swrEndpointTemplate: sim.endpointTemplate,
    iamEndpointTemplate: sim.endpointTemplate,
    sleep: () => Promise.resolve(),
  });
  // The project-ID lookups happen once per region; read them now so the counts below are the comparison's own.
  await Promise.all(["cn-north-4", "ap-southeast-1", "cn-east-3", "cn-south-1"].map((r) => swr.listApiVersions(r)));
});
afterAll(() => sim.close());
beforeEach(async () => {
  await simAdmin.reset(sim);
  await simAdmin.resetStats(sim);
});

const tagReads = async () => {
  const stats = await simAdmin.stats(sim);
  return Object.fromEntries(Object.entries(stats.regions).map(([region, r]) => [region, r.operations.ListRepositoryTags ?? 0]));
};

/** A gate that lets `limit` reads run at once and remembers the most that ran together. */
function watchedGate(limit: number) {
  const inner = createLimiter(limit);
  const seen = { reads: 0, running: 0, most: 0 };
  const gate: Limiter = (task) =>
    inner(async () => {
      seen.reads++;
      seen.most = Math.max(seen.most, ++seen.running);
      try {
        return await task();
      } finally {
        seen.running--;
      }
    });
  return { gate, seen };
}

describe("getCompareScope", () => {
  it("lists every repository of the source namespace, by name, and checks each target namespace once", async () => {
    const scope = await getCompareScope({ ...source, targets: [overseas, mirror] }, { swr });
    expect(scope).toEqual({ source, targets: [overseas, mirror], repositories: ["apps/api", "apps/web", "ci-builds", "nginx", "redis"] });
    const stats = await simAdmin.stats(sim);
    expect(stats.regions["ap-southeast-1"]?.operations).toEqual({ ShowNamespace: 1 });
    expect(stats.regions["cn-east-3"]?.operations).toEqual({ ShowNamespace: 1 });
  });

  it("covers only the repository asked for", async () => {
    expect((await getCompareScope({ ...source, repository: "apps/web", targets: [overseas] }, { swr })).repositories).toEqual(["apps/web"]);
  });

  it.each([
    ["an unknown source namespace", { region: "cn-north-4", namespace: "nobody", targets: [overseas] }, "Namespace “nobody” does not exist in cn-north-4."],
    ["an unknown repository", { ...source, repository: "nope", targets: [overseas] }, "Repository “team-a/nope” does not exist in cn-north-4."],
    ["an unknown target namespace", { ...source, targets: [mirror, { region: "ap-southeast-1", namespace: "team-b" }] }, "Namespace “team-b” does not exist in ap-southeast-1."],
  ])("refuses %s with 404 naming it", async (_, query, message) => {
    const error = await swrRejection(getCompareScope(query, { swr }));
    expect([error.status, error.message]).toEqual([404, message]);
  });
});

describe("compareRepository", () => {
  it("counts every repository of team-a as the seed holds it, walking each source and target repository once", async () => {
    const { repositories } = await getCompareScope({ ...source, targets: [overseas, mirror] }, { swr });
    await simAdmin.resetStats(sim);
    const results = await Promise.all(repositories.map((repository) => compareRepository({ ...source, repository, targets: [overseas, mirror] }, { swr })));
    for (const r of results) {
      expect(r.targets.map((t) => [t.region, t.counts, t.failure])).toEqual([
        ["ap-southeast-1", expected["ap-southeast-1"][r.repository as keyof (typeof expected)["ap-southeast-1"]], null],
        ["cn-east-3", expected["cn-east-3"][r.repository as keyof (typeof expected)["cn-east-3"]], null],
      ]);
    }
    // One walk per repository and side: one page each, five for the 5,000 tags of ci-builds in the source.
    expect(await tagReads()).toEqual({ "cn-north-4": 4 + 5, "ap-southeast-1": 5, "cn-east-3": 5 });
  });

  it("walks the source once however many targets there are, and says per tag how each target stands", async () => {
    const result = await compareRepository({ ...source, repository: "nginx", targets: [mirror, overseas, south] }, { swr });
    expect(await tagReads()).toEqual({ "cn-north-4": 1, "cn-east-3": 1, "ap-southeast-1": 1, "cn-south-1": 1 });
    expect(result.source).toEqual({ tagCount: 5, truncated: false, failure: null });
    const rows = Object.fromEntries(result.tags.map((t) => [t.tag, [t.outcomes, t.targetDigests?.[0] ?? null]]));
    expect(rows).toEqual({
      "1.25.3": [["identical", "missing", "missing"], null],
      "1.25.4": [["missing", "missing", "missing"], null],
      "1.26.0": [["missing", "missing", "missing"], null],
      alpine: [["missing", "missing", "missing"], null],
      latest: [["differs", "missing", "missing"], expect.stringMatching(/^[0-9a-f]{12}$/)],
      "1.24.0": [["only_in_target", null, null], expect.stringMatching(/^[0-9a-f]{12}$/)],
    });
    expect(result.tags.at(-1)).toMatchObject({ tag: "1.24.0", shortDigest: null, updatedAt: expect.any(String) });
    expect(result.tags.find((t) => t.tag === "latest")?.targetDigests?.[0]).not.toBe(result.tags.find((t) => t.tag === "latest")?.shortDigest);
  });

  it("answers a failed target read as that target's failure, in a code and in words, and compares the rest", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "error", status: 403, code: "SVCSTG.SWR.4030170", message: "no permission", operations: ["ListRepositoryTags"], region: "cn-east-3" }] });
    const result = await compareRepository({ ...source, repository: "redis", targets: [mirror, overseas] }, { swr });
    expect(result.targets[0]).toMatchObject({
      region: "cn-east-3",
      counts: { missing: 0, identical: 0, differs: 0, only_in_target: 0 },
      failure: { code: "forbidden", region: "cn-east-3", status: 403, message: expect.stringContaining("Insufficient permissions on namespace “team-a” in cn-east-3") },
    });
    expect(result.targets[1]).toMatchObject({ region: "ap-southeast-1", counts: expected["ap-southeast-1"].redis, failure: null });
    expect(result.tags.find((t) => t.tag === "7.2.4")?.outcomes).toEqual([null, "identical"]);
  });

  it("answers a failed source read as the repository's failure, without tags", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "error", status: 500, operations: ["ListRepositoryTags"], region: "cn-north-4" }] });
    const result = await compareRepository({ ...source, repository: "redis", targets: [overseas] }, { swr });
    expect(result.source.failure).toMatchObject({ code: "unavailable", region: "cn-north-4", status: 500 });
    expect(result.tags).toEqual([]);
  });

  it("refuses a source repository SWR does not have with 404 naming it", async () => {
    const error = await swrRejection(compareRepository({ ...source, repository: "nope", targets: [overseas] }, { swr }));
    expect([error.status, error.message]).toEqual([404, "Repository “team-a/nope” does not exist in cn-north-4."]);
  });

  it("rides out throttling with the client's backoff", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "throttle", operations: ["ListRepositoryTags"], count: 2 }] });
    const result = await compareRepository({ ...source, repository: "apps/web", targets: [overseas] }, { swr });
    expect(result.targets[0]).toMatchObject({ counts: expected["ap-southeast-1"]["apps/web"], failure: null });
    const reads = await tagReads();
    expect((reads["cn-north-4"] ?? 0) + (reads["ap-southeast-1"] ?? 0)).toBe(2 + 2);
  });

  it("compares 50 repositories with 3 targets through one gate: 200 walks, never more than the gate's reads at once", async () => {
    const namespace = "wide";
    for (let i = 0; i < 50; i++) {
      await simAdmin.createRepository(sim, { region: source.region, namespace, repository: `app-${String(i).padStart(2, "0")}`, tags: 3, createNamespace: true });
    }
    await simAdmin.resetStats(sim);
    const { gate, seen } = watchedGate(COMPARE_READS_AT_ONCE);
    const targets = [overseas, mirror, south].map((t) => ({ ...t, namespace }));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => compareRepository({ region: source.region, namespace, repository: `app-${String(i).padStart(2, "0")}`, targets }, { swr, gate })),
    );
    expect(results.every((r) => r.targets.every((t) => t.counts.missing === 3 && t.failure === null))).toBe(true);
    expect(seen.reads).toBe(200);
    expect(seen.most).toBe(COMPARE_READS_AT_ONCE);
    expect(await tagReads()).toEqual({ "cn-north-4": 50, "ap-southeast-1": 50, "cn-east-3": 50, "cn-south-1": 50 });
  });
});
