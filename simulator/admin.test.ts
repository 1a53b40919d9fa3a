import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED } from "./seed";
import { startSimulator, type RunningSimulator } from "./server";
import { callSwr, expectJson, expectSwrError, passwordAuth, postJson, simAdmin } from "./testing";

const REGION = SEED.regions.source;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ syncDelayMs: 15 });
});
afterAll(() => sim.close());
beforeEach(() => simAdmin.reset(sim));

const tagsOf = async (s: RunningSimulator, region: string, repo: string, query?: Record<string, string>) =>
  (await expectJson(await callSwr(s, region, `/v2/manage/namespaces/team-a/repos/${repo}/tags`, { query }))) as { Tag: string; digest: string }[];

describe("stats", () => {
  it("counts requests per region and operation, failed ones included", async () => {
    await callSwr(sim, REGION, "/v2/manage/namespaces");
    await callSwr(sim, REGION, "/v2/manage/namespaces", { credentials: { ak: "UNKNOWNACCESSKEY0001", sk: "x" } });
    await callSwr(sim, REGION, "/v2/manage/repos");
    await callSwr(sim, SEED.regions.overseas, "/v2/manage/namespaces/team-a");
    await postJson(`${sim.url}/${REGION}/v3/auth/tokens`, passwordAuth(sim.iamUser, REGION));
    await fetch(`${sim.url}/${REGION}/v2/unknown`);
    expect(await simAdmin.stats(sim)).toEqual({
      total: 5,
      operations: { ListNamespaces: 2, ListReposDetails: 1, ShowNamespace: 1, KeystoneCreateUserTokenByPassword: 1 },
      regions: {
        [REGION]: { total: 4, operations: { ListNamespaces: 2, ListReposDetails: 1, KeystoneCreateUserTokenByPassword: 1 } },
        [SEED.regions.overseas]: { total: 1, operations: { ShowNamespace: 1 } },
      },
    });
  });

  it("resets on DELETE", async () => {
    await callSwr(sim, REGION, "/v2/manage/namespaces");
    await simAdmin.resetStats(sim);
    expect(await simAdmin.stats(sim)).toEqual({ total: 0, operations: {}, regions: {} });
  });
});

describe("reset", () => {
  it("puts state, faults and stats back to the seed", async () => {
    await simAdmin.putTag(sim, { region: REGION, namespace: "team-a", repository: "nginx", tag: "9.9.9" });
    await simAdmin.setFaults(sim, { rules: [{ kind: "error", operations: ["ShowRepository"] }] });
    await simAdmin.reset(sim);
    expect((await tagsOf(sim, REGION, "nginx", { tag: "9.9.9" })).length).toBe(0);
    expect(await expectJson(await fetch(`${sim.url}/__sim/faults`))).toEqual({ seed: 1, rules: [], syncFailures: [] });
    expect((await simAdmin.stats(sim)).total).toBe(1);
  });
});

describe("POST /__sim/tags", () => {
  const digest = `sha256:${"ab".repeat(32)}`;

  it("puts a tag with a chosen digest, creating the repository", async () => {
    const created = await simAdmin.putTag(sim, { region: SEED.regions.south, namespace: "team-a", repository: "nginx", tag: "latest", digest });
    expect(created).toMatchObject({ Tag: "latest", digest, path: `swr.${SEED.regions.south}.myhuaweicloud.com/team-a/nginx:latest` });
    expect(await tagsOf(sim, SEED.regions.south, "nginx")).toMatchObject([{ Tag: "latest", digest }]);
  });

  it("replaces the digest of an existing tag", async () => {
    await simAdmin.putTag(sim, { region: REGION, namespace: "team-a", repository: "nginx", tag: "latest", digest });
    expect(await tagsOf(sim, REGION, "nginx", { tag: "latest" })).toMatchObject([{ Tag: "latest", digest }]);
    expect((await tagsOf(sim, REGION, "nginx")).length).toBe(5);
  });

  it("creates the namespace only when asked to", async () => {
    const tag = { region: SEED.regions.overseas, namespace: "team-b", repository: "postgres", tag: "16.2" };
    await expectSwrError(await fetch(`${sim.url}/__sim/tags`, { method: "POST", body: JSON.stringify(tag) }), 404, "SVCSTG.SWR.4040183", "team-b");
    await simAdmin.putTag(sim, { ...tag, createNamespace: true });
    expect(await expectJson(await callSwr(sim, SEED.regions.overseas, "/v2/manage/namespaces/team-b"))).toMatchObject({ name: "team-b", auth: 7 });
  });

  it.each([
    ["an unknown region", { region: "xx-nowhere-1" }, "region"],
    ["an invalid digest", { digest: "sha256:abc" }, "digest"],
    ["an invalid repository", { repository: "Bad" }, "repository"],
  ])("rejects %s", async (_, change, field) => {
    const body = { region: REGION, namespace: "team-a", repository: "nginx", tag: "x", ...change };
    await expectSwrError(await fetch(`${sim.url}/__sim/tags`, { method: "POST", body: JSON.stringify(body) }), 400, "SVCSTG.SWR.4000014", field);
  });
});

describe("POST /__sim/repositories", () => {
  const base = { region: SEED.regions.south, namespace: "team-a", repository: "bench/app" };
  const post = (body: unknown) => fetch(`${sim.url}/__sim/repositories`, { method: "POST", body: JSON.stringify(body) });
  const listed = async (region: string, query: Record<string, string> = {}) => (await tagsOf(sim, region, "bench$app", { order_column: "tag", order_type: "asc", ...query })).map((t) => t.Tag);

  it("creates a repository of generated tags, named and timed in creation order", async () => {
    expect(await simAdmin.createRepository(sim, { ...base, tags: 3 })).toEqual({ ...base, tags: 3, firstTag: "v1.0.000001", lastTag: "v1.0.000003", totalTags: 3 });
    expect(await listed(base.region, { order_column: "updated_at", order_type: "desc" })).toEqual(["v1.0.000003", "v1.0.000002", "v1.0.000001"]);
    expect(await listed(base.region)).toEqual(["v1.0.000001", "v1.0.000002", "v1.0.000003"]);
    expect(await expectJson(await callSwr(sim, base.region, "/v2/manage/namespaces/team-a/repos/bench$app"))).toMatchObject({ name: "bench/app", num_images: 3 });
  });

  it("extends a repository, numbering after the tags of the same prefix", async () => {
    await simAdmin.createRepository(sim, { ...base, tags: 3 });
    expect(await simAdmin.createRepository(sim, { ...base, tags: 2 })).toMatchObject({ tags: 2, firstTag: "v1.0.000004", lastTag: "v1.0.000005", totalTags: 5 });
    expect(await simAdmin.createRepository(sim, { ...base, tags: 1, prefix: "rc-" })).toMatchObject({ firstTag: "rc-000001", totalTags: 6 });
  });

  it("derives digests from the names, the same in every region", async () => {
    await simAdmin.createRepository(sim, { ...base, tags: 2 });
    await simAdmin.createRepository(sim, { ...base, region: SEED.regions.overseas, tags: 1 });
    const digests = async (region: string) => (await tagsOf(sim, region, "bench$app", { order_column: "tag", order_type: "asc" })).map((t) => t.digest);
    const [south, overseas] = [await digests(base.region), await digests(SEED.regions.overseas)];
    expect(overseas).toEqual([south[0]]);
    expect(south[0]).not.toBe(south[1]);
  });

  it("creates the namespace when asked to", async () => {
    const created = await simAdmin.createRepository(sim, { ...base, namespace: "bench", tags: 1, createNamespace: true });
    expect(created).toMatchObject({ namespace: "bench", totalTags: 1 });
  });

  it.each<[string, Record<string, unknown>, number, string, string]>([
    ["more than 100,000 tags", { tags: 100_001 }, 400, "SVCSTG.SWR.4000014", "tags: must be at most 100000"],
    ["no tags", { tags: 0 }, 400, "SVCSTG.SWR.4000014", "tags"],
    ["a fractional count", { tags: 1.5 }, 400, "SVCSTG.SWR.4000014", "tags"],
    ["a missing count", { tags: undefined }, 400, "SVCSTG.SWR.4000014", "tags"],
    ["a prefix making invalid tag names", { prefix: "-v" }, 400, "SVCSTG.SWR.4000014", "prefix: must start a valid tag name"],
    ["a prefix longer than 122 characters", { prefix: "v".repeat(123) }, 400, "SVCSTG.SWR.4000014", "prefix"],
    ["an invalid repository", { repository: "Bench" }, 400, "SVCSTG.SWR.4000014", "repository"],
    ["an unknown field", { count: 3 }, 400, "SVCSTG.SWR.4000014", "count"],
    ["a missing namespace", { namespace: "team-b" }, 404, "SVCSTG.SWR.4040183", "namespace team-b does not exist in region cn-south-1"],
  ])("rejects %s", async (_, change, status, code, message) => {
    await expectSwrError(await post({ ...base, tags: 2, ...change }), status, code, message);
  });

  it("refuses to number past the six digits of a generated name", async () => {
    await simAdmin.putTag(sim, { ...base, tag: "x999999" });
    await expectSwrError(await post({ ...base, tags: 1, prefix: "x" }), 400, "SVCSTG.SWR.4000014", "numbered past x999999");
    expect(await listed(base.region)).toEqual(["x999999"]);
  });
});

describe("other admin endpoints", () => {
  it("creates a namespace", async () => {
    const res = await fetch(`${sim.url}/__sim/namespaces`, { method: "POST", body: JSON.stringify({ region: SEED.regions.south, namespace: "team-b", auth: 3 }) });
    expect(await expectJson(res, 201)).toMatchObject({ name: "team-b", auth: 3 });
  });

  it("reports health", async () => {
    expect(await expectJson(await fetch(`${sim.url}/__sim/health`))).toMatchObject({ status: "ok", regions: 27 });
  });

  it.each([
    ["an unknown endpoint", "GET", "/__sim/nothing", 404],
    ["a wrong method", "POST", "/__sim/stats", 405],
  ])("answers %s", async (_, method, url, code) => {
    expect((await fetch(`${sim.url}${url}`, { method })).status).toBe(code);
  });
});

describe("state file", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "swr-sim-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps tags, jobs and in-flight syncs across a restart", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await startSimulator({ stateFile, syncDelayMs: 60_000 });
    await simAdmin.putTag(first, { region: REGION, namespace: "team-a", repository: "redis", tag: "8.0.0" });
    const sync = { imageTag: ["8.0.0"], remoteRegionId: SEED.regions.overseas, remoteNamespace: "team-a" };
    await expectJson(await callSwr(first, REGION, "/v2/manage/namespaces/team-a/repos/redis/sync_images", { method: "POST", body: sync }));
    await first.close();

    const second = await startSimulator({ stateFile, syncDelayMs: 10, port: 0 });
    try {
      expect(await tagsOf(second, REGION, "redis", { tag: "8.0.0" })).toMatchObject([{ Tag: "8.0.0" }]);
      await expect.poll(async () => (await tagsOf(second, SEED.regions.overseas, "redis", { tag: "8.0.0" })).length, { timeout: 5_000 }).toBe(1);
    } finally {
      await second.close();
    }
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ version: 1, syncJobs: [{ tag: "8.0.0", status: "success" }] });
  });

  it("keeps a generated repository, ordered and indexed, across a restart", async () => {
    const stateFile = path.join(dir, "generated.json");
    const repo = { region: REGION, namespace: "team-a", repository: "bench/app" };
    const first = await startSimulator({ stateFile });
    const created = await simAdmin.createRepository(first, { ...repo, tags: 2_000 });
    await first.close();

    const second = await startSimulator({ stateFile });
    try {
      const newest = await tagsOf(second, REGION, "bench$app", { limit: "2", offset: "0", order_column: "updated_at", order_type: "desc" });
      expect(newest.map((t) => t.Tag)).toEqual([created.lastTag, "v1.0.001999"]);
      expect(await simAdmin.createRepository(second, { ...repo, tags: 1 })).toMatchObject({ firstTag: "v1.0.002001", totalTags: 2_001 });
    } finally {
      await second.close();
    }
  });

  it("refuses a file that is not simulator state", async () => {
    const stateFile = path.join(dir, "other.json");
    writeFileSync(stateFile, JSON.stringify({ hello: "world" }));
    await expect(startSimulator({ stateFile })).rejects.toThrow("is not a simulator state file");
  });
});
