import { describe, expect, it } from "vitest";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import { pageOf, totalsPerTarget, visibleRepositories, visibleTags } from "./results";
import { compareHref, parseCompareState } from "./url-state";

const counts = (missing: number, identical: number, differs = 0, only_in_target = 0) => ({ missing, identical, differs, only_in_target });

function result(repository: string, perTarget: ReturnType<typeof counts>[], tags: [string, string | null, ...(string | null)[]][] = []): RepositoryComparisonDto {
  return {
    repository,
    source: { tagCount: tags.length, truncated: false, failure: null },
    targets: perTarget.map((c, i) => ({ region: `r-${i}`, namespace: "team-a", counts: c, truncated: false, failure: null })),
    tags: tags.map(([tag, updatedAt, ...outcomes]) => ({ tag, shortDigest: null, updatedAt, outcomes: outcomes as RepositoryComparisonDto["tags"][number]["outcomes"] })),
  };
}

describe("the compare page's URL", () => {
  it("round-trips a comparison and its view, leaving defaults out", () => {
    const url = "/compare?region=cn-north-4&namespace=team-a&target=ap-southeast-1&target=cn-east-3%2Fteam-b&outcome=differs&q=apps&sort=missing&open=apps%2Fweb&tq=1.&tagSort=updated&page=2";
    const state = parseCompareState(Object.fromEntries([...new URL(url, "http://x").searchParams.entries()].reduce((m, [k, v]) => {
      const prev = m.get(k);
      m.set(k, prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v]);
      return m;
    }, new Map<string, string | string[]>())));
    expect(state.comparison).toEqual({
      region: "cn-north-4",
      namespace: "team-a",
      targets: [
        { region: "ap-southeast-1", namespace: "team-a" },
        { region: "cn-east-3", namespace: "team-b" },
      ],
    });
    expect(state.view).toEqual({ outcome: "differs", q: "apps", sort: "missing", open: "apps/web", tq: "1.", tagSort: "updated", page: 2 });
    expect(compareHref(state.comparison, state.view)).toBe(url);
    expect(compareHref(state.comparison)).toBe("/compare?region=cn-north-4&namespace=team-a&target=ap-southeast-1&target=cn-east-3%2Fteam-b");
  });

  it("keeps what was typed and says what is wrong with a comparison the URL cannot make", () => {
    const state = parseCompareState({ region: "cn-north-4", namespace: "team-a", target: "cn-north-4", sort: "sideways" });
    expect(state.comparison).toBeNull();
    expect(Object.keys(state.problems)).toEqual(["target.0"]);
    expect(state.draft).toEqual({ region: "cn-north-4", namespace: "team-a", repository: "", targets: ["cn-north-4"] });
    expect(state.view.sort).toBe("name");
  });

  it("names no problem on a bare /compare, nor on a link that names only the source", () => {
    expect(parseCompareState({})).toMatchObject({ comparison: null, problems: {} });
    expect(parseCompareState({ region: "cn-north-4", namespace: "team-a", repository: "nginx" })).toMatchObject({
      comparison: null,
      problems: {},
      draft: { region: "cn-north-4", namespace: "team-a", repository: "nginx", targets: [] },
    });
  });
});

describe("results", () => {
  const nginx = result("nginx", [counts(3, 1, 1, 1), counts(5, 0)], [
    ["latest", "2024-01-03", "differs", "missing"],
    ["1.10.0", "2024-01-02", "identical", "missing"],
    ["1.9.0", "2024-01-01", "missing", "missing"],
  ]);
  const redis = result("redis", [counts(0, 4), counts(2, 1, 1, 1)]);

  it("adds up each target's counts, leaving out sides that failed", () => {
    const failed = result("x", [counts(9, 9), counts(9, 9)]);
    failed.targets[1]!.failure = { code: "forbidden", region: "r-1", status: 403, message: "no" };
    expect(totalsPerTarget([nginx, redis, failed], 2)).toEqual([counts(12, 14, 1, 1), counts(7, 1, 1, 1)]);
  });

  it("filters repositories by name and outcome and sorts them", () => {
    const rows = [{ name: "redis", result: redis }, { name: "nginx", result: nginx }, { name: "apps/web" }];
    expect(visibleRepositories(rows, { sort: "name" }).map((r) => r.name)).toEqual(["apps/web", "nginx", "redis"]);
    expect(visibleRepositories(rows, { sort: "missing" }).map((r) => r.name)).toEqual(["nginx", "redis", "apps/web"]);
    expect(visibleRepositories(rows, { sort: "name", outcome: "differs" }).map((r) => r.name)).toEqual(["apps/web", "nginx", "redis"]);
    expect(visibleRepositories(rows, { sort: "name", outcome: "only_in_target", q: "NG" }).map((r) => r.name)).toEqual(["nginx"]);
    expect(visibleRepositories([{ name: "redis", result: result("redis", [counts(0, 4)]) }], { sort: "name", outcome: "missing" })).toEqual([]);
  });

  it("filters tags by name and outcome and sorts them by version-aware name or newest first", () => {
    expect(visibleTags(nginx.tags, { tagSort: "name" }).map((t) => t.tag)).toEqual(["1.9.0", "1.10.0", "latest"]);
    expect(visibleTags(nginx.tags, { tagSort: "updated" }).map((t) => t.tag)).toEqual(["latest", "1.10.0", "1.9.0"]);
    expect(visibleTags(nginx.tags, { tagSort: "name", outcome: "identical" }).map((t) => t.tag)).toEqual(["1.10.0"]);
    expect(visibleTags(nginx.tags, { tagSort: "name", tq: "1." }).map((t) => t.tag)).toEqual(["1.9.0", "1.10.0"]);
  });

  it("pages rows and shows the last page for a page past the end", () => {
    const rows = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(rows, 3)).toMatchObject({ page: 3, pageCount: 3, rows: rows.slice(200) });
    expect(pageOf(rows, 9).page).toBe(3);
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pageCount: 1 });
  });
});
