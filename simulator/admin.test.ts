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

const tagsOf = async (s: RunningSimulator, region: string, repo: string, tag?: string) =>
  (await expectJson(await callSwr(s, region, `/v2/manage/namespaces/team-a/repos/${repo}/tags`, { query: tag ? { tag } : undefined }))) as { Tag: string; digest: string }[];

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
    expect((await tagsOf(sim, REGION, "nginx", "9.9.9")).length).toBe(0);
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
    expect(await tagsOf(sim, REGION, "nginx", "latest")).toMatchObject([{ Tag: "latest", digest }]);
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
      expect(await tagsOf(second, REGION, "redis", "8.0.0")).toMatchObject([{ Tag: "8.0.0" }]);
      await expect.poll(async () => (await tagsOf(second, SEED.regions.overseas, "redis", "8.0.0")).length, { timeout: 5_000 }).toBe(1);
    } finally {
      await second.close();
    }
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ version: 1, syncJobs: [{ tag: "8.0.0", status: "success" }] });
  });

  it("refuses a file that is not simulator state", async () => {
    const stateFile = path.join(dir, "other.json");
    writeFileSync(stateFile, JSON.stringify({ hello: "world" }));
    await expect(startSimulator({ stateFile })).rejects.toThrow("is not a simulator state file");
  });
});
