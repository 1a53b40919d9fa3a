import { describe, expect, it } from "vitest";
import { compareRepositories, compareTag, planClassOf } from "./classify";

describe("compareTag", () => {
  it("tells missing, identical and differing tags apart", () => {
    expect(compareTag("sha256:a", undefined)).toBe("missing");
    expect(compareTag("sha256:a", "sha256:a")).toBe("identical");
    expect(compareTag("sha256:a", "sha256:b")).toBe("differs");
  });
  it("never calls a tag identical without both digests", () => {
    expect(compareTag(null, "sha256:a")).toBe("differs");
    expect(compareTag("sha256:a", "")).toBe("differs");
  });
});

describe("planClassOf", () => {
  it("keeps a differing tag without override and overwrites it with", () => {
    expect(planClassOf("a", undefined, false)).toBe("new");
    expect(planClassOf("a", "a", true)).toBe("identical");
    expect(planClassOf("a", "b", false)).toBe("keep");
    expect(planClassOf("a", "b", true)).toBe("overwrite");
  });
});

describe("compareRepositories", () => {
  it("lists source tags in order, then tags only the target has", () => {
    const rows = compareRepositories(
      new Map([["1", "a"], ["2", "b"], ["3", "c"]]),
      new Map([["4", "d"], ["2", "b"], ["3", "x"]]),
    );
    expect(rows.map((r) => [r.tag, r.outcome])).toEqual([["1", "missing"], ["2", "identical"], ["3", "differs"], ["4", "only_in_target"]]);
  });
});
