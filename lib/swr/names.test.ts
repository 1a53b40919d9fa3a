import { describe, expect, it } from "vitest";
import { isNamespaceName, isRepositoryName, regionIdOf } from "./name-rules";
import { namespaceNameSchema, regionIdSchema, repositoryNameSchema, repositoryPathSegment, tagNameSchema } from "./names";

describe("namespace names (§3.2)", () => {
  it.each([
    ["team-a", true],
    ["a", true],
    ["a__b", true],
    ["a.b-c_d", true],
    ["a".repeat(64), true],
    ["a".repeat(65), false],
    ["a___b", false],
    ["a._b", false],
    ["1team", false],
    ["team-", false],
    ["Team", false],
    ["a/b", false],
    ["", false],
  ])("%j → %s (the browser's predicate agrees)", (name, ok) => {
    expect(namespaceNameSchema.safeParse(name).success).toBe(ok);
    expect(isNamespaceName(name)).toBe(ok);
  });
});

describe("repository names (§3.2)", () => {
  it.each([
    ["nginx", true],
    ["apps/web", true],
    ["1app", true],
    ["a/b/c.d", true],
    ["a".repeat(128), true],
    ["a".repeat(129), false],
    ["apps//web", false],
    ["apps/", false],
    ["/apps", false],
    ["a$b", false],
    ["A", false],
  ])("%j → %s (the browser's predicate agrees)", (name, ok) => {
    expect(repositoryNameSchema.safeParse(name).success).toBe(ok);
    expect(isRepositoryName(name)).toBe(ok);
  });

  it("puts `$` for every `/` in a path segment", () => {
    expect(repositoryPathSegment("apps/web/v2")).toBe("apps$web$v2");
  });
});

describe("tag names", () => {
  it.each([
    ["latest", true],
    ["1.25.3", true],
    ["v1_RC-2", true],
    ["a".repeat(128), true],
    ["a".repeat(129), false],
    [".hidden", false],
    ["-x", false],
    ["a b", false],
    ["", false],
  ])("%j → %s", (name, ok) => {
    expect(tagNameSchema.safeParse(name).success).toBe(ok);
  });
});

describe("region IDs", () => {
  it.each([
    ["cn-north-4", "cn-north-4"],
    ["my-kualalumpur-1", "my-kualalumpur-1"],
    ["cn-north-208", "cn-north-208"],
    [" cn-north-4 ", "cn-north-4"],
    ["CN-NORTH-4", null],
    ["cn-north", null],
    ["../etc", null],
    ["", null],
    [`cn-north-${"4".repeat(60)}`, null],
  ])("%j → %j, by the schema and by the browser's check", (id, expected) => {
    const parsed = regionIdSchema.safeParse(id);
    expect(parsed.success ? parsed.data : null).toBe(expected);
    expect(regionIdOf(id)).toBe(expected);
  });
});
