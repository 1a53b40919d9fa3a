import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigRepoTagName, SEED } from "./seed";
import { startSimulator, type RunningSimulator } from "./server";
import { callSwr, expectJson } from "./testing";

const REGION = SEED.regions.source;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,6}Z$/;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ syncDelayMs: 20 });
});
afterAll(() => sim.close());

const get = async (path: string, query?: Record<string, string>, region: string = REGION) => {
  const res = await callSwr(sim, region, path, { query });
  return { body: await expectJson(res), range: res.headers.get("content-range") };
};
const names = (body: unknown, key = "name") => (Array.isArray(body) ? body.map((x: Record<string, unknown>) => x[key]) : []);

describe("API versions", () => {
  it.each([["/"], [""]])("lists v2 at the region root %j", async (path) => {
    const { body } = await get(path);
    expect(body).toEqual({ versions: [expect.objectContaining({ id: "v2", status: "CURRENT", links: { href: `${sim.url}/${REGION}/v2/`, rel: "self" } })] });
  });

  it("shows v2", async () => {
    expect((await get("/v2")).body).toMatchObject({ version: { id: "v2", min_version: "2.0" } });
  });
});

describe("namespaces", () => {
  const list = async (query?: Record<string, string>, region?: string) => {
    const { body } = await get("/v2/manage/namespaces", query, region);
    return names((body as { namespaces: unknown }).namespaces);
  };

  it.each<[string, Record<string, string> | undefined, string, string[]]>([
    ["all with permission", undefined, REGION, ["team-a", "team-b", "platform", "mirrors"]],
    ["by substring", { namespace: "team" }, REGION, ["team-a", "team-b"]],
    ["by filter", { filter: "namespace::plat" }, REGION, ["platform"]],
    ["visible ones too", { filter: "namespace::t|mode::visible" }, REGION, ["team-a", "team-b", "platform", "shared-tools"]],
    ["in another region", undefined, SEED.regions.overseas, ["team-a", "team-a-backup", "mirrors"]],
    ["in an unseeded region", undefined, "eu-west-101", []],
  ])("lists %s", async (_, query, region, expected) => {
    expect(await list(query, region)).toEqual(expected);
  });

  it("shows one with the caller's permission", async () => {
    expect((await get("/v2/manage/namespaces/platform")).body).toEqual({ id: expect.any(Number), name: "platform", creator_name: sim.iamUser.name, auth: 3 });
  });
});

describe("ListReposDetails", () => {
  it("pages with Content-Range offset-count/total and total_range", async () => {
    const { body, range } = await get("/v2/manage/repos", { namespace: "team-a", order_column: "name", order_type: "asc", limit: "2", offset: "2" });
    expect(names(body)).toEqual(["ci-builds", "nginx"]);
    expect(range).toBe("2-2/5");
    expect(body).toMatchObject([{ total_range: 5 }, { total_range: 5 }]);
  });

  it("omits Content-Range when limit and offset are not both sent", async () => {
    expect((await get("/v2/manage/repos", { namespace: "team-a", limit: "2" })).range).toBeNull();
  });

  it.each<[string, Record<string, string>, string[]]>([
    ["name ascending", { namespace: "team-a", order_column: "name", order_type: "asc" }, ["apps/api", "apps/web", "ci-builds", "nginx", "redis"]],
    ["name descending", { namespace: "team-a", order_column: "name", order_type: "desc" }, ["redis", "nginx", "ci-builds", "apps/web", "apps/api"]],
    ["tag count descending", { namespace: "team-a", order_column: "tag_count", order_type: "desc" }, ["ci-builds", "nginx", "apps/api", "apps/web", "redis"]],
    ["update time, newest first by default", { namespace: "team-b" }, ["postgres", "busybox"]],
    ["a fuzzy name", { name: "apps/" }, ["apps/web", "apps/api"]],
    ["a category", { category: "database", order_column: "name", order_type: "asc" }, ["postgres", "redis"]],
    ["public ones", { is_public: "true", order_column: "name", order_type: "asc" }, ["base/alpine", "library/debian", "library/ubuntu"]],
    ["an exact namespace only", { namespace: "team" }, []],
    ["a fuzzy namespace in filter", { filter: "namespace::shared|name::tool" }, ["toolbox"]],
    ["filter overriding the individual parameters", { filter: "namespace::mirrors|order_column::name|order_type::desc", namespace: "team-a" }, ["library/ubuntu", "library/debian"]],
  ])("sorts and filters by %s", async (_, query, expected) => {
    expect(names((await get("/v2/manage/repos", query)).body)).toEqual(expected);
  });

  it("reports a repository with SWR's wire names", async () => {
    const { body } = await get("/v2/manage/repos", { filter: "namespace::team-a|name::apps/web|limit::10|offset::0" });
    expect(body).toEqual([
      expect.objectContaining({
        name: "apps/web",
        namespace: "team-a",
        num_images: 4,
        tags: ["1.0.0", "1.1.0", "1.2.0", "latest"],
        path: `swr.${REGION}.myhuaweicloud.com/team-a/apps/web`,
        internal_path: "10.125.0.198:20202/team-a/apps/web",
        domain_name: sim.iamUser.domain,
        created_at: expect.stringMatching(RFC3339),
        updated_at: expect.stringMatching(RFC3339),
      }),
    ]);
  });
});

describe("ShowRepository", () => {
  it("answers the real name for a `$` path and sums its tags", async () => {
    const { body } = await get("/v2/manage/namespaces/team-a/repos/apps$web");
    const { body: tags } = await get("/v2/manage/namespaces/team-a/repos/apps$web/tags");
    const size = (tags as { size: number }[]).reduce((sum, t) => sum + t.size, 0);
    expect(body).toMatchObject({ name: "apps/web", num_images: 4, size, created: expect.stringMatching(RFC3339), updated: expect.stringMatching(RFC3339) });
  });

  it("accepts a percent-encoded `$`", async () => {
    expect((await get("/v2/manage/namespaces/team-a/repos/apps%24api")).body).toMatchObject({ name: "apps/api" });
  });
});

describe("ListRepositoryTags", () => {
  const tagsOf = (repo: string, query?: Record<string, string>) => get(`/v2/manage/namespaces/team-a/repos/${repo}/tags`, query);

  it.each<[string, Record<string, string>, string[], string | null]>([
    ["tag ascending", { order_column: "tag", order_type: "asc", limit: "3", offset: "0" }, ["1.25.3", "1.25.4", "1.26.0"], "0-3/5"],
    ["tag descending, second page", { order_column: "tag", order_type: "desc", limit: "3", offset: "3" }, ["1.25.4", "1.25.3"], "3-2/5"],
    ["update time, newest first by default", {}, ["latest", "alpine", "1.26.0", "1.25.4", "1.25.3"], null],
    ["a substring of the tag", { tag: "1.25" }, ["1.25.4", "1.25.3"], null],
    ["the filter form", { filter: "tag::1.2|order_column::tag|order_type::asc|limit::10|offset::0" }, ["1.25.3", "1.25.4", "1.26.0"], "0-3/3"],
    ["an offset past the end", { limit: "10", offset: "10" }, [], "10-0/5"],
  ])("pages and filters by %s", async (_, query, expected, range) => {
    const answer = await tagsOf("nginx", query);
    expect(names(answer.body, "Tag")).toEqual(expected);
    expect(answer.range).toBe(range);
  });

  it("describes a tag with SWR's wire names", async () => {
    const { body } = await tagsOf("apps$web", { tag: "1.1.0" });
    expect(body).toEqual([
      expect.objectContaining({
        Tag: "1.1.0",
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        manifest: expect.stringContaining('"schemaVersion":2'),
        path: `swr.${REGION}.myhuaweicloud.com/team-a/apps/web:1.1.0`,
        schema: 2,
        tag_type: 0,
        deleted: "",
        created: expect.stringMatching(RFC3339),
        updated: expect.stringMatching(RFC3339),
      }),
    ]);
  });

  it("returns 100 tags when no limit is given", async () => {
    expect(((await tagsOf("ci-builds")).body as unknown[]).length).toBe(100);
  });

  it("pages through all 5,000 tags of the big repository", async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 5000; offset += 1000) {
      const { body, range } = await tagsOf("ci-builds", { order_column: "tag", order_type: "asc", limit: "1000", offset: String(offset) });
      expect(range).toBe(`${offset}-1000/5000`);
      seen.push(...(names(body, "Tag") as string[]));
    }
    expect(new Set(seen).size).toBe(SEED.bigRepository.tagCount);
    expect([seen[0], seen.at(-1)]).toEqual([bigRepoTagName(1), bigRepoTagName(5000)]);
  });
});

describe("ListSyncRegions", () => {
  it("lists the other six sync regions with their registry addresses", async () => {
    const { body } = await get("/v2/manage/regions");
    expect(body).toEqual(
      ["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"].map((regionID) => ({
        regionID,
        registryURL: `swr.${regionID}.myhuaweicloud.com`,
      })),
    );
  });

  it("lists none from a region outside the sync regions", async () => {
    expect((await get("/v2/manage/regions", undefined, SEED.regions.noSync)).body).toEqual([]);
  });
});
