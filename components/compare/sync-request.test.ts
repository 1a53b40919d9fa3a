import { describe, expect, it } from "vitest";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import { syncRequestFromComparison, requestTagCount, tagsToSync } from "./sync-request";

const source = { region: "cn-north-4", namespace: "team-a" };
const east = { region: "cn-east-3", namespace: "team-a" };
const overseas = { region: "ap-southeast-1", namespace: "backup" };
const counts = { missing: 0, identical: 0, differs: 0, only_in_target: 0 };

/** A compared repository from rows of [tag, outcome in east, outcome in overseas]. */
function result(repository: string, rows: [string, ...(string | null)[]][], failure = false): RepositoryComparisonDto {
  return {
    repository,
    source: { tagCount: rows.length, truncated: false, failure: failure ? { code: "forbidden", region: "cn-north-4", status: 403, message: "no" } : null },
    targets: [east, overseas].map((t) => ({ ...t, counts, truncated: false, failure: null })),
    tags: rows.map(([tag, ...outcomes]) => ({ tag, shortDigest: null, updatedAt: null, outcomes: outcomes as RepositoryComparisonDto["tags"][number]["outcomes"] })),
  };
}

const nginx = result("nginx", [
  ["latest", "differs", "missing"],
  ["1.25.3", "identical", "identical"],
  ["1.26.0", "missing", "identical"],
  ["1.24.0", "only_in_target", null],
]);
const redis = result("redis", [
  ["7.2.4", "identical", "identical"],
  ["7.2.5", "identical", "differs"],
]);

describe("tagsToSync", () => {
  it("takes the union over the targets, sorted, and never a tag only a target has", () => {
    expect(tagsToSync(nginx, "missing")).toEqual(["1.26.0", "latest"]);
    expect(tagsToSync(nginx, "missing_and_differing")).toEqual(["1.26.0", "latest"]);
    expect(tagsToSync(redis, "missing")).toEqual([]);
    expect(tagsToSync(redis, "missing_and_differing")).toEqual(["7.2.5"]);
  });

  it("takes nothing from a repository whose source could not be read", () => {
    expect(tagsToSync(result("x", [["a", "missing", "missing"]], true), "missing")).toEqual([]);
  });
});

describe("syncRequestFromComparison", () => {
  it("names every repository with tags to sync and every target, override only for differing tags", () => {
    expect(syncRequestFromComparison(source, [east, overseas], [redis, nginx], "missing")).toEqual({
      source,
      repositories: [{ name: "nginx", tags: ["1.26.0", "latest"] }],
      targets: [overseas, east],
      override: false,
    });
    const overwrite = syncRequestFromComparison(source, [east, overseas], [redis, nginx], "missing_and_differing");
    expect(overwrite).toEqual({
      source,
      repositories: [
        { name: "nginx", tags: ["1.26.0", "latest"] },
        { name: "redis", tags: ["7.2.5"] },
      ],
      targets: [overseas, east],
      override: true,
    });
    expect(overwrite && requestTagCount(overwrite)).toBe(3);
  });

  it("spells the same request the same way whatever the order of the answers and targets", () => {
    const a = syncRequestFromComparison(source, [east, overseas], [nginx, redis], "missing_and_differing");
    const b = syncRequestFromComparison(source, [overseas, east], [redis, nginx], "missing_and_differing");
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("leaves out a target in the source's own region, which SWR cannot sync to, and the tags only it lacks", () => {
    const sameRegion = { region: "cn-north-4", namespace: "team-b" };
    const row = result("web", [
      ["1.0", "missing", "identical"],
      ["2.0", "identical", "missing"],
    ]);
    // The columns are [east, overseas]; here the second one stands for a namespace of the source's region.
    expect(syncRequestFromComparison(source, [east, sameRegion], [row], "missing")).toEqual({
      source,
      repositories: [{ name: "web", tags: ["1.0"] }],
      targets: [east],
      override: false,
    });
    expect(syncRequestFromComparison(source, [sameRegion], [row], "missing")).toBeNull();
  });

  it("is null when nothing is to be synced", () => {
    expect(syncRequestFromComparison(source, [east, overseas], [redis], "missing")).toBeNull();
    expect(syncRequestFromComparison(source, [east], [], "missing")).toBeNull();
  });
});
