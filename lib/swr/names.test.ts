import { describe, expect, it } from "vitest";
import { namespaceNameSchema, repositoryNameSchema, repositoryPathSegment, tagNameSchema } from "./names";

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
  ])("%j → %s", (name, ok) => {
    expect(namespaceNameSchema.safeParse(name).success).toBe(ok);
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
  ])("%j → %s", (name, ok) => {
    expect(repositoryNameSchema.safeParse(name).success).toBe(ok);
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
