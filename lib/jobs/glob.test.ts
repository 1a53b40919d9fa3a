import { describe, expect, it } from "vitest";
import { tagPatternMatcher } from "./glob";
import { searchPattern } from "./pattern";

describe("searchPattern", () => {
  it.each([
    ["build-049", "*build-049*"],
    ["1.25", "*1.25*"],
    ["a*b?", "*a[*]b[?]*"],
    ["{x,y}", "*[{]x[,]y[}]*"],
  ])("%s → %s", (q, pattern) => {
    expect(searchPattern(q)).toBe(pattern);
  });

  it("matches exactly the tags that contain the search", () => {
    const matches = tagPatternMatcher(searchPattern("build-049"));
    expect(["build-04950", "build-049", "xbuild-0490"].every(matches)).toBe(true);
    expect(["build-05000", "build-04", "build_049"].some(matches)).toBe(false);
  });
});

describe("tagPatternMatcher (the server's glob options; a broken pattern matches nothing)", () => {
  it.each<[string, string[], string[]]>([
    ["v1.*", ["v1.0", "v1.25.3", "v1."], ["v10", "v2.0", "xv1.0"]],
    ["1.2?.?", ["1.25.3", "1.26.0"], ["1.2.3", "1.25.10"]],
    ["build-0[0-4]*", ["build-00001", "build-04999"], ["build-05000"]],
    ["build-0[^0-4]*", ["build-05000"], ["build-04999"]],
    ["{latest,alpine}", ["latest", "alpine"], ["latest-1", "nalpine"]],
    ["v{1,2}.{0,1*}", ["v1.0", "v2.15"], ["v3.0", "v1.2"]],
    ["!v1.*", ["v2.0", "latest"], ["v1.0"]],
    ["a.b", ["a.b"], ["axb"]],
    ["[", [], ["[", "a"]],
  ])("%s", (pattern, yes, no) => {
    const matches = tagPatternMatcher(pattern);
    for (const tag of yes) expect(matches(tag), tag).toBe(true);
    for (const tag of no) expect(matches(tag), tag).toBe(false);
  });
});
