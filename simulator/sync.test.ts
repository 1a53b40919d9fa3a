import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED } from "./seed";
import { startSimulator, type RunningSimulator } from "./server";
import { callSwr, expectJson, simAdmin } from "./testing";
import { formatTime } from "./time";

const SOURCE = SEED.regions.source;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,6}Z$/;
let sim: RunningSimulator;
/** When set, the simulator's clock stands still at this time (to make syncs finish at the same instant). */
let frozen: Date | undefined;

beforeAll(async () => {
  sim = await startSimulator({ syncDelayMs: 40, now: () => frozen ?? new Date() });
});
afterAll(() => sim.close());
beforeEach(() => simAdmin.reset(sim));
afterEach(() => {
  frozen = undefined;
});

const repoPath = (ns: string, repo: string) => `/v2/manage/namespaces/${ns}/repos/${repo.replaceAll("/", "$")}`;

async function syncImages(repo: string, body: { imageTag: string[]; remoteRegionId: string; remoteNamespace: string; override?: boolean }, ns = "team-a") {
  return expectJson(await callSwr(sim, SOURCE, `${repoPath(ns, repo)}/sync_images`, { method: "POST", body }));
}

interface Job {
  tag: string;
  status: string;
}

async function jobs(repo: string, filter = "limit::100|offset::0|order::desc", ns = "team-a"): Promise<Job[]> {
  return (await expectJson(await callSwr(sim, SOURCE, `${repoPath(ns, repo)}/sync_job`, { query: { filter } }))) as Job[];
}

const TERMINAL = ["success", "failed", "timeout", "cancel", "existed"];
async function settled(repo: string, ns = "team-a"): Promise<Job[]> {
  await expect.poll(async () => (await jobs(repo, undefined, ns)).every((j) => TERMINAL.includes(j.status)), { timeout: 5_000, interval: 10 }).toBe(true);
  return jobs(repo, undefined, ns);
}

type TagItem = { Tag: string; digest: string; size: number; manifest: string; path: string; updated: string };
async function tagsIn(region: string, ns: string, repo: string, query: Record<string, string> = {}): Promise<TagItem[]> {
  return (await expectJson(await callSwr(sim, region, `${repoPath(ns, repo)}/tags`, { query: { limit: "1000", offset: "0", ...query } }))) as never;
}

const digestOf = async (region: string, ns: string, repo: string, tag: string) => (await tagsIn(region, ns, repo)).find((t) => t.Tag === tag)?.digest;

describe("manual sync", () => {
  it("answers [] at once and moves each tag waiting → running → success", async () => {
    expect(await syncImages("apps/web", { imageTag: ["1.0.0", "latest"], remoteRegionId: SEED.regions.south, remoteNamespace: "team-a" })).toEqual([]);
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const status = (await jobs("apps/web")).find((j) => j.tag === "latest")?.status ?? "none";
          if (seen.at(-1) !== status) seen.push(status);
          return status;
        },
        { timeout: 5_000, interval: 5 },
      )
      .toBe("success");
    // Polling on a loaded machine can miss a short-lived state; what it sees must still come in this order.
    const order = ["waiting", "running", "success"];
    expect(order.filter((st) => seen.includes(st))).toEqual(seen);
    expect(seen.at(-1)).toBe("success");
  });

  it("creates the target repository with the source's digests, sizes and manifests", async () => {
    await expectJson(await callSwr(sim, SEED.regions.south, repoPath("team-a", "apps/web")), 404);
    await syncImages("apps/web", { imageTag: ["1.0.0", "latest"], remoteRegionId: SEED.regions.south, remoteNamespace: "team-a" });
    expect((await settled("apps/web")).map((j) => j.status)).toEqual(["success", "success"]);
    const content = (tags: Awaited<ReturnType<typeof tagsIn>>) =>
      tags.map(({ Tag, digest, size, manifest }) => ({ Tag, digest, size, manifest })).sort((a, b) => a.Tag.localeCompare(b.Tag));
    const source = (await tagsIn(SOURCE, "team-a", "apps/web")).filter((t) => ["1.0.0", "latest"].includes(t.Tag));
    const target = await tagsIn(SEED.regions.south, "team-a", "apps/web");
    expect(content(target)).toEqual(content(source));
    expect(target.map((t) => t.path)).toContain(`swr.${SEED.regions.south}.myhuaweicloud.com/team-a/apps/web:latest`);
    const repo = await expectJson(await callSwr(sim, SEED.regions.south, repoPath("team-a", "apps/web")));
    expect(repo).toMatchObject({ name: "apps/web", num_images: 2, size: source.reduce((s, t) => s + t.size, 0) });
  });

  it("adds to an existing target repository and keeps its numbers consistent", async () => {
    const target = SEED.regions.mirror;
    const before = await expectJson(await callSwr(sim, target, repoPath("team-a", "nginx")));
    await syncImages("nginx", { imageTag: ["1.26.0"], remoteRegionId: target, remoteNamespace: "team-a" });
    await settled("nginx");
    const after = await expectJson(await callSwr(sim, target, repoPath("team-a", "nginx")));
    const added = (await tagsIn(target, "team-a", "nginx")).find((t) => t.Tag === "1.26.0");
    const { num_images: count, size } = before as { num_images: number; size: number };
    expect(after).toMatchObject({ num_images: count + 1, size: size + (added?.size ?? NaN) });
    expect((after as { updated: string }).updated > (before as { updated: string }).updated).toBe(true);
  });

  it("records who synced what, where, in SWR's wire names", async () => {
    await syncImages("apps/web", { imageTag: ["1.2.0", "1.2.0"], remoteRegionId: SEED.regions.overseas, remoteNamespace: "team-a-backup", override: true });
    expect(await jobs("apps/web")).toEqual([
      {
        id: expect.any(Number),
        createdAt: expect.stringMatching(RFC3339),
        updatedAt: expect.stringMatching(RFC3339),
        domainID: expect.stringMatching(/^[0-9a-f]{32}$/),
        domainName: sim.iamUser.domain,
        namespace: "team-a",
        repoName: "apps/web",
        tag: "1.2.0",
        remoteRegionId: SEED.regions.overseas,
        remoteNamespace: "team-a-backup",
        override: true,
        status: "waiting",
        syncOperatorId: expect.stringMatching(/^[0-9a-f]{32}$/),
        syncOperatorName: sim.iamUser.name,
      },
    ]);
  });

  it("pages and orders job records", async () => {
    await syncImages("redis", { imageTag: ["7.0.15"], remoteRegionId: SEED.regions.south, remoteNamespace: "team-a" });
    await syncImages("redis", { imageTag: ["7.2.5", "latest"], remoteRegionId: SEED.regions.south, remoteNamespace: "team-a" });
    const res = await callSwr(sim, SOURCE, `${repoPath("team-a", "redis")}/sync_job`, { query: { filter: "limit::2|offset::0|order::asc" } });
    expect(res.headers.get("content-range")).toBe("0-2/3");
    expect(((await expectJson(res)) as Job[]).map((j) => j.tag)).toEqual(["7.0.15", "7.2.5"]);
    expect((await jobs("redis", "limit::1|offset::0|order::desc")).map((j) => j.tag)).toEqual(["latest"]);
  });
});

describe("update-time order of synced tags", () => {
  const target = SEED.regions.south;
  const first = new Date(Date.now() - 60_000);
  const second = new Date(first.getTime() + 30_000);
  // Two batches, each finishing at one instant; the target repository holds only these five tags.
  const batches: [Date, string[]][] = [
    [first, ["latest", "alpine", "1.25.3"]],
    [second, ["1.26.0", "1.25.4"]],
  ];

  beforeEach(async () => {
    for (const [at, imageTag] of batches) {
      frozen = at;
      await syncImages("nginx", { imageTag, remoteRegionId: target, remoteNamespace: "team-a" });
      await settled("nginx");
    }
  });

  it("gives each synced tag the sync time as update time", async () => {
    const updated = Object.fromEntries((await tagsIn(target, "team-a", "nginx")).map((t) => [t.Tag, t.updated]));
    expect(updated).toEqual(Object.fromEntries(batches.flatMap(([at, tags]) => tags.map((tag) => [tag, formatTime(at)]))));
  });

  it.each<[string, Record<string, string>, string[]]>([
    ["newest first, ties by name", { order_column: "updated_at", order_type: "desc" }, ["1.25.4", "1.26.0", "1.25.3", "alpine", "latest"]],
    ["newest first by default", {}, ["1.25.4", "1.26.0", "1.25.3", "alpine", "latest"]],
    ["oldest first, ties by name", { order_column: "updated_at", order_type: "asc" }, ["1.25.3", "alpine", "latest", "1.25.4", "1.26.0"]],
    ["a page across the two batches", { order_column: "updated_at", order_type: "desc", limit: "2", offset: "1" }, ["1.26.0", "1.25.3"]],
    ["a page inside a batch", { order_column: "updated_at", order_type: "asc", limit: "2", offset: "1" }, ["alpine", "latest"]],
    ["a substring, newest first", { tag: "1.2", order_type: "desc" }, ["1.25.4", "1.26.0", "1.25.3"]],
    ["the filter form", { filter: "order_column::updated_at|order_type::asc|limit::3|offset::2" }, ["latest", "1.25.4", "1.26.0"]],
  ])("lists %s", async (_, query, expected) => {
    expect((await tagsIn(target, "team-a", "nginx", query)).map((t) => t.Tag)).toEqual(expected);
  });
});

describe("override semantics", () => {
  const { tag: conflict, targetRegion } = SEED.overrideConflict;
  const { tag: identical } = SEED.alreadyInSync;

  it.each([
    ["a conflicting tag without override is left untouched", conflict, false, "existed", false],
    ["an identical tag without override", identical, false, "success", true],
    ["a conflicting tag with override is replaced", conflict, true, "success", true],
  ])("%s", async (_, tag, override, status, matchesSource) => {
    const sourceDigest = await digestOf(SOURCE, "team-a", "nginx", tag);
    const targetBefore = await digestOf(targetRegion, "team-a", "nginx", tag);
    await syncImages("nginx", { imageTag: [tag], remoteRegionId: targetRegion, remoteNamespace: "team-a", override });
    expect((await settled("nginx")).map((j) => j.status)).toEqual([status]);
    const targetAfter = await digestOf(targetRegion, "team-a", "nginx", tag);
    expect(targetAfter).toBe(matchesSource ? sourceDigest : targetBefore);
  });

  it("keeps the seed's conflict: the two digests differ", async () => {
    expect(await digestOf(SOURCE, "team-a", "nginx", conflict)).not.toBe(await digestOf(targetRegion, "team-a", "nginx", conflict));
  });
});

describe("automatic sync", () => {
  it("copies a tag pushed after the rule exists", async () => {
    const rule = { remoteRegionId: SEED.regions.overseas, remoteNamespace: "team-a-backup", syncAuto: true };
    expect((await callSwr(sim, SOURCE, `${repoPath("team-a", "redis")}/sync_repo`, { method: "POST", body: rule })).status).toBe(200);
    const pushed = (await simAdmin.putTag(sim, { region: SOURCE, namespace: "team-a", repository: "redis", tag: "7.4.0" })) as { digest: string };
    expect((await settled("redis")).map((j) => [j.tag, j.status])).toEqual([["7.4.0", "success"]]);
    expect(await digestOf(SEED.regions.overseas, "team-a-backup", "redis", "7.4.0")).toBe(pushed.digest);
  });
});
