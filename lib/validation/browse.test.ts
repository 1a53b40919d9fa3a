import { describe, expect, it } from "vitest";
import {
  existingTagsQuerySchema,
  namespaceCheckQuerySchema,
  regionsQuerySchema,
  repositoriesQuerySchema,
  repositoryRefFromSegments,
  tagsQuerySchema,
} from "./browse";

const ref = { region: "cn-north-4", namespace: "team-a", repository: "apps/web" };

describe("repositoriesQuerySchema", () => {
  it("fills in the defaults", () => {
    expect(repositoriesQuerySchema.parse({ region: "cn-north-4" })).toEqual({
      region: "cn-north-4",
      namespace: undefined,
      q: undefined,
      page: 1,
      pageSize: 20,
      sort: "updated",
      order: "desc",
    });
  });

  it.each([
    [{ region: "cn-north-4", namespace: "", q: "  " }, { namespace: undefined, q: undefined }],
    [{ region: "cn-north-4", namespace: "team-a", q: " ngi " }, { namespace: "team-a", q: "ngi" }],
    [{ region: "ap-southeast-1", page: "3", pageSize: "100" }, { page: 3, pageSize: 100 }],
    [{ region: "cn-north-4", sort: "tags", order: "asc" }, { sort: "tags", order: "asc" }],
  ])("accepts %j", (input, expected) => {
    expect(repositoriesQuerySchema.parse(input)).toMatchObject(expected);
  });

  it.each([
    ["a region outside the table", { region: "xx-nowhere-1" }, "region"],
    ["a malformed region", { region: "CN North 4" }, "region"],
    ["no region", {}, "region"],
    ["a namespace breaking the name rule", { region: "cn-north-4", namespace: "Team_A" }, "namespace"],
    ["page 0", { region: "cn-north-4", page: "0" }, "page"],
    ["a fractional page", { region: "cn-north-4", page: "1.5" }, "page"],
    ["a page that is not a number", { region: "cn-north-4", page: "two" }, "page"],
    ["pageSize over 100", { region: "cn-north-4", pageSize: "101" }, "pageSize"],
    ["an unknown sort", { region: "cn-north-4", sort: "size" }, "sort"],
    ["an unknown order", { region: "cn-north-4", order: "up" }, "order"],
    ["a search over 128 characters", { region: "cn-north-4", q: "x".repeat(129) }, "q"],
    ["a repeated parameter", { region: ["cn-north-4", "cn-east-3"] }, "region"],
  ])("refuses %s", (_, input, field) => {
    const result = repositoriesQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("tagsQuerySchema", () => {
  it("defaults to newest first, 100 a page", () => {
    expect(tagsQuerySchema.parse(ref)).toMatchObject({ ...ref, sort: "updated", order: "desc", page: 1, pageSize: 100 });
  });

  it.each([
    ["pageSize over 500", { pageSize: "501" }, "pageSize"],
    ["sorting by tag count", { sort: "tags" }, "sort"],
    ["a repository with a leading slash", { repository: "/web" }, "repository"],
    ["a repository with two separators in a row", { repository: "apps//web" }, "repository"],
    ["an upper-case repository", { repository: "Nginx" }, "repository"],
    ["an empty namespace", { namespace: "" }, "namespace"],
  ])("refuses %s", (_, patch, field) => {
    const result = tagsQuerySchema.safeParse({ ...ref, ...patch });
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("existingTagsQuerySchema", () => {
  it.each([
    ["one tag", "latest", ["latest"]],
    ["repeated tags", ["1.25.3", "latest"], ["1.25.3", "latest"]],
  ])("accepts %s", (_, tag, expected) => {
    expect(existingTagsQuerySchema.parse({ ...ref, tag }).tag).toEqual(expected);
  });

  it.each([
    ["no tag", undefined],
    ["a tag starting with a dot", ".hidden"],
    ["a tag with a space", ["ok", "not ok"]],
    ["more than 200 tags", Array.from({ length: 201 }, (_, i) => `t${i}`)],
  ])("refuses %s", (_, tag) => {
    const result = existingTagsQuerySchema.safeParse({ ...ref, tag });
    expect(result.error?.issues[0]?.path[0]).toBe("tag");
  });
});

describe("namespace check and regions", () => {
  it.each([
    [{ region: "ap-southeast-1", namespace: "team-b" }, true],
    [{ region: "ap-southeast-1", namespace: "team__b" }, true],
    [{ region: "ap-southeast-1", namespace: "team___b" }, false],
    [{ region: "ap-southeast-1", namespace: "-team" }, false],
    [{ region: "ap-southeast-1", namespace: "team." }, false],
    [{ region: "ap-southeast-1", namespace: "a".repeat(65) }, false],
  ])("namespace check %j → valid %s", (input, valid) => {
    expect(namespaceCheckQuerySchema.safeParse(input).success).toBe(valid);
  });

  it.each([
    [{}, undefined],
    [{ source: "" }, undefined],
    [{ source: "cn-north-4" }, "cn-north-4"],
  ])("regions %j → source %s", (input, source) => {
    expect(regionsQuerySchema.parse(input).source).toBe(source);
  });

  it("refuses an unknown source region", () => {
    expect(regionsQuerySchema.safeParse({ source: "mars-1" }).success).toBe(false);
  });
});

describe("repositoryRefFromSegments", () => {
  it.each([
    [["nginx"], "nginx"],
    [["apps", "web"], "apps/web"],
    [["library%2Fubuntu"], "library/ubuntu"],
  ])("joins %j into %s", (repository, name) => {
    expect(repositoryRefFromSegments({ region: "cn-north-4", namespace: "team-a", repository })).toEqual({
      region: "cn-north-4",
      namespace: "team-a",
      repository: name,
    });
  });

  it.each([
    ["an unknown region", { region: "nowhere", namespace: "team-a", repository: ["nginx"] }],
    ["a bad namespace", { region: "cn-north-4", namespace: "Team", repository: ["nginx"] }],
    ["an empty segment", { region: "cn-north-4", namespace: "team-a", repository: ["apps", "", "web"] }],
    ["a malformed escape", { region: "cn-north-4", namespace: "team-a", repository: ["%E0"] }],
  ])("is null for %s", (_, segments) => {
    expect(repositoryRefFromSegments(segments)).toBeNull();
  });
});
