import { describe, expect, it } from "vitest";
import {
  apiVersionsBodySchema,
  autoSyncRulesBodySchema,
  namespacesBodySchema,
  normalizeTimestamp,
  repositoryDetailSchema,
  reposBodySchema,
  syncJobsBodySchema,
  syncRegionsBodySchema,
  tagsBodySchema,
} from "./wire";

describe("wire schemas", () => {
  it("reads the tag name from `Tag` (capital T) and fills absent fields", () => {
    const [tag] = tagsBodySchema.parse([{ Tag: "1.0.0", digest: "sha256:ab", updated: "2024-03-14T10:00:01.53183Z" }]);
    expect(tag).toEqual({ Tag: "1.0.0", digest: "sha256:ab", size: 0, updated: "2024-03-14T10:00:01.531Z" });
  });

  it("reads only the fields the app uses of a page's records, checking those", () => {
    const wire = { Tag: "v1", digest: "sha256:ab", size: "2099", updated: null, image_id: "sha256:cd", manifest: "{…}", tag_type: 1 };
    expect(tagsBodySchema.parse([wire])).toEqual([{ Tag: "v1", digest: "sha256:ab", size: 2099, updated: "" }]);
    expect(tagsBodySchema.safeParse([{ ...wire, size: "big" }]).success).toBe(false);
    expect(reposBodySchema.parse([{ name: "web", namespace: "apps", num_images: 3, logo: "x", tags: ["a"] }])).toEqual([
      { name: "web", namespace: "apps", size: 0, num_images: 3, updated_at: "", path: "", total_range: 0 },
    ]);
  });

  it("accepts a lower-case `tag` but not a record without any name", () => {
    expect(tagsBodySchema.parse([{ tag: "v3" }])[0]?.Tag).toBe("v3");
    expect(tagsBodySchema.safeParse([{ digest: "sha256:ab" }]).success).toBe(false);
  });

  it("keeps the three timestamp namings of §3.7 apart", () => {
    expect(reposBodySchema.parse([{ name: "apps/web", updated_at: "2024-01-05T03:12:44Z" }])[0]).toMatchObject({
      updated_at: "2024-01-05T03:12:44.000Z",
      total_range: 0,
    });
    expect(repositoryDetailSchema.parse({ name: "busybox", created: "2024-01-05T03:12:44Z" }).created).toBe(
      "2024-01-05T03:12:44.000Z",
    );
    expect(syncJobsBodySchema.parse([{ createdAt: "2024-03-15T08:30:02.412Z", domainID: "d" }])[0]).toMatchObject({
      createdAt: "2024-03-15T08:30:02.412Z",
      domainID: "d",
      status: "",
    });
  });

  it("reads `synAuto` (Go SDK spelling) when `syncAuto` is absent", () => {
    expect(autoSyncRulesBodySchema.parse([{ id: 1, synAuto: true }, { id: 2 }]).map((r) => r.syncAuto)).toEqual([true, false]);
  });

  it("reads `regionID` with a capital ID", () => {
    expect(syncRegionsBodySchema.parse([{ regionID: "cn-north-4" }])).toEqual([{ id: "cn-north-4" }]);
  });

  it("tolerates absent lists and a `links` array", () => {
    expect(namespacesBodySchema.parse({})).toEqual([]);
    const [v] = apiVersionsBodySchema.parse({ versions: [{ id: "v2", links: [{ href: "h", rel: "self" }] }] });
    expect(v?.links).toEqual({ href: "h", rel: "self" });
  });

  it.each([
    ["numbers as digit strings", { name: "r", size: "2099", num_images: "3" }, { size: 2099, num_images: 3 }],
    ["nulls", { name: "r", size: null, path: null }, { size: 0, path: "" }],
  ])("tolerates %s", (_what, row, expected) => {
    expect(reposBodySchema.parse([row])[0]).toMatchObject(expected);
  });

  it.each([
    ["2020-04-17T02:11:03.53183Z", "2020-04-17T02:11:03.531Z"],
    ["2020-04-17T02:11:03", "2020-04-17T02:11:03.000Z"],
    ["2020-04-17T10:11:03+08:00", "2020-04-17T02:11:03.000Z"],
    ["", undefined],
    ["yesterday", undefined],
  ])("normalises the timestamp %j to %j", (raw, iso) => {
    expect(normalizeTimestamp(raw)).toBe(iso);
  });
});
