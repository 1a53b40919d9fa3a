import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PAGE_SIZE } from "./query";
import { SEED } from "./seed";
import { startSimulator, type RunningSimulator } from "./server";
import { callSwr, expectJson, simAdmin } from "./testing";

// A repository and a job of 20,000 tags, over real HTTP: what the dashboard must handle.

const SOURCE = SEED.regions.source;
const TARGET = SEED.regions.mirror;
const NS = "team-a";
const REPO = "scale/builds";
const TAG_COUNT = 20_000;
const CHUNK = 100;
const IN_FLIGHT = 8;
const REPO_PATH = `/v2/manage/namespaces/${NS}/repos/${REPO.replace("/", "$")}`;

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ syncDelayMs: 20 });
});
afterAll(() => sim.close());

interface Page<T> {
  items: T[];
  total: number;
}

/** Every item, page by page of MAX_PAGE_SIZE, checking that each page's Content-Range agrees. */
async function allPages<T>(fetchPage: (limit: number, offset: number) => Promise<Response>): Promise<Page<T>> {
  const items: T[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const res = await fetchPage(MAX_PAGE_SIZE, offset);
    const page = (await expectJson(res)) as T[];
    const range = /^(\d+)-(\d+)\/(\d+)$/.exec(res.headers.get("content-range") ?? "");
    expect(range?.slice(1, 3).map(Number)).toEqual([offset, page.length]);
    items.push(...page);
    if (page.length < MAX_PAGE_SIZE) return { items, total: Number(range?.[3]) };
  }
}

interface Job {
  id: number;
  tag: string;
  status: string;
}
interface TagItem {
  Tag: string;
  digest: string;
  size: number;
}

const jobs = () =>
  allPages<Job>((limit, offset) => callSwr(sim, SOURCE, `${REPO_PATH}/sync_job`, { query: { filter: `limit::${limit}|offset::${offset}|order::desc` } }));
const tagsIn = (region: string) =>
  allPages<TagItem>((limit, offset) =>
    callSwr(sim, region, `${REPO_PATH}/tags`, { query: { limit: String(limit), offset: String(offset), order_column: "tag", order_type: "asc" } }),
  );

describe("a 20,000-tag repository", () => {
  it("syncs every tag in chunks of 100 and pages every record and tag", { timeout: 60_000 }, async () => {
    const created = await simAdmin.createRepository(sim, { region: SOURCE, namespace: NS, repository: REPO, tags: TAG_COUNT, prefix: "build-" });
    expect(created).toEqual({ region: SOURCE, namespace: NS, repository: REPO, tags: TAG_COUNT, firstTag: "build-000001", lastTag: "build-020000", totalTags: TAG_COUNT });

    const source = await tagsIn(SOURCE);
    expect(source.total).toBe(TAG_COUNT);
    const names = source.items.map((t) => t.Tag);
    expect(new Set(names).size).toBe(TAG_COUNT);

    // A few calls in flight at once, as a dashboard working through a queue would send them.
    const chunks = Array.from({ length: TAG_COUNT / CHUNK }, (_, i) => names.slice(i * CHUNK, (i + 1) * CHUNK));
    for (let i = 0; i < chunks.length; i += IN_FLIGHT) {
      const answers = await Promise.all(
        chunks.slice(i, i + IN_FLIGHT).map(async (imageTag) =>
          expectJson(await callSwr(sim, SOURCE, `${REPO_PATH}/sync_images`, { method: "POST", body: { imageTag, remoteRegionId: TARGET, remoteNamespace: NS } })),
        ),
      );
      expect(answers).toEqual(answers.map(() => []));
    }

    await expect.poll(async () => (await jobs()).items.filter((j) => j.status === "success").length, { timeout: 50_000, interval: 200 }).toBe(TAG_COUNT);
    const records = await jobs();
    expect(records.total).toBe(TAG_COUNT);
    expect(new Set(records.items.map((j) => j.tag))).toEqual(new Set(names));
    // Newest first across all pages.
    expect(records.items.every((j, i) => i === 0 || records.items[i - 1]!.id > j.id)).toBe(true);

    const target = await tagsIn(TARGET);
    expect(target.total).toBe(TAG_COUNT);
    expect(target.items.map((t) => [t.Tag, t.digest])).toEqual(source.items.map((t) => [t.Tag, t.digest]));
    const repo = await expectJson(await callSwr(sim, TARGET, REPO_PATH));
    expect(repo).toMatchObject({ num_images: TAG_COUNT, size: source.items.reduce((sum, t) => sum + t.size, 0) });
  });
});
