import { describe, expect, it } from "vitest";
import { MAX_PATTERN_LENGTH, tagPatternOf } from "./pattern";
import { tagSelectorSchema } from "./schemas";

/** The pattern the API would take from `text`, by its own schema. */
function apiPattern(text: string): string | null {
  const parsed = tagSelectorSchema.safeParse({ pattern: text });
  return parsed.success && "pattern" in parsed.data ? parsed.data.pattern : null;
}

describe("tagPatternOf", () => {
  it.each([
    "v1.*",
    "  v1.*  ",
    "release-{1,2}.?",
    "!latest",
    "[a-z]*",
    "",
    "   ",
    "v1 .*",
    "tag/with/slash",
    "ünïcode",
    "x".repeat(MAX_PATTERN_LENGTH),
    "x".repeat(MAX_PATTERN_LENGTH + 1),
    ` ${"x".repeat(MAX_PATTERN_LENGTH - 1)} `,
  ])("takes %j as the API's tagSelector does", (text) => {
    expect(tagPatternOf(text)).toBe(apiPattern(text));
  });
});
