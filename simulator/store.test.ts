import { describe, expect, it } from "vitest";
import type { SimState, SyncJob } from "./model";
import { Store, type TagContent } from "./store";

const CREATOR = { id: "u1", name: "tester" };
const T = (second: number) => `2024-05-01T10:00:${String(second).padStart(2, "0")}.5Z`;

function emptyStore(): Store {
  const state: SimState = { version: 1, nextIds: { namespace: 1, repo: 1, tag: 1, job: 1, rule: 1 }, regions: {}, syncJobs: [], syncRules: [], tokens: [] };
  return new Store(state, () => {});
}

const content = (Tag: string, updated: string, size = 10): TagContent => ({
  Tag,
  image_id: "img",
  manifest: "{}",
  digest: `sha256:${"0".repeat(64)}`,
  schema: 2,
  size,
  tag_type: 0,
  is_trusted: false,
  scanned: false,
  created: updated,
  updated,
});

function storeWithRepo() {
  const store = emptyStore();
  const ns = store.addNamespace("cn-north-4", "team-a", CREATOR);
  const repo = store.addRepo(ns, { name: "apps/web", category: "other", description: "", is_public: false }, CREATOR, T(0));
  return { store, ns, repo };
}

const job = (createdAt: string, tag: string, repoName = "apps/web"): Omit<SyncJob, "id"> => ({
  region: "cn-north-4",
  createdAt,
  updatedAt: createdAt,
  domainID: "d",
  domainName: "account",
  namespace: "team-a",
  repoName,
  tag,
  remoteRegionId: "cn-east-3",
  remoteNamespace: "team-a",
  override: false,
  status: "waiting",
  syncOperatorId: CREATOR.id,
  syncOperatorName: CREATOR.name,
});

describe("Store lookups", () => {
  it("finds namespaces, repositories and tags by name, also in a replaced state", () => {
    const { store } = storeWithRepo();
    const repo = store.repo(store.namespace("cn-north-4", "team-a")!, "apps/web")!;
    store.putTag(repo, content("1.0.0", T(1)));
    store.replace(structuredClone(store.snapshot));
    const ns = store.namespace("cn-north-4", "team-a")!;
    const loaded = store.repo(ns, "apps/web")!;
    expect(loaded).not.toBe(repo);
    expect(loaded).toBe(store.snapshot.regions["cn-north-4"]![0]!.repos[0]);
    expect(store.tag(loaded, "1.0.0")).toBe(loaded.tags[0]);
    expect([store.namespace("cn-north-4", "team-b"), store.repo(ns, "apps"), store.tag(loaded, "1.0")]).toEqual([undefined, undefined, undefined]);
  });
});

describe("Store tags", () => {
  it("keeps the update order, size and update time in step when a tag is replaced", () => {
    const { store, repo } = storeWithRepo();
    store.putTag(repo, content("a", T(1), 10));
    store.putTag(repo, content("b", T(2), 20));
    const replaced = store.putTag(repo, content("a", T(3), 5));
    expect(store.tagsIn(repo, "updated_at").page("desc", 0, 10).map((t) => t.Tag)).toEqual(["a", "b"]);
    expect(store.tagsIn(repo, "tag").page("asc", 0, 10).map((t) => t.Tag)).toEqual(["a", "b"]);
    expect(store.repoStats(repo)).toEqual({ size: 25, num_images: 2, updated: T(3) });
    expect(replaced).toMatchObject({ created: T(1), updated: T(3), id: repo.tags[0]!.id });
  });

  it("reports the repository's creation time while no tag is newer", () => {
    const { store, repo } = storeWithRepo();
    expect(store.repoStats(repo)).toEqual({ size: 0, num_images: 0, updated: T(0) });
  });
});

describe("Store jobs", () => {
  const tags = (store: Store) => store.jobsOf("cn-north-4", "team-a", "apps/web").page("asc", 0, 10).map((j) => j.tag);

  it("lists a repository's records by creation time then ID, even when the clock went back", () => {
    const store = emptyStore();
    store.addJob(job(T(5), "first"));
    store.addJob(job(T(2), "earlier clock"));
    store.addJob(job(T(5), "third"));
    store.addJob(job(T(1), "other repository", "nginx"));
    expect(tags(store)).toEqual(["earlier clock", "first", "third"]);
    expect(store.jobsOf("cn-north-4", "team-a", "nginx").length).toBe(1);
    expect(store.jobsOf("cn-east-3", "team-a", "apps/web").length).toBe(0);
  });

  it("indexes the records of a replaced state, and those added after", () => {
    const store = emptyStore();
    store.addJob(job(T(1), "a"));
    const state = structuredClone(store.snapshot);
    store.addJob(job(T(2), "dropped"));
    store.replace(state);
    store.addJob(job(T(3), "b"));
    expect(tags(store)).toEqual(["a", "b"]);
    expect(store.jobs.map((j) => j.tag)).toEqual(["a", "b"]);
  });
});
