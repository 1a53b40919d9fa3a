import { describe, expect, it } from "vitest";
import { formatBytes, shortDigest } from "./format";

describe("formatBytes", () => {
  it.each([
    [0, "en", "0 B"],
    [1023, "en", "1,023 B"],
    [1536, "en", "1.5 KB"],
    [73400320, "en", "70 MB"],
    [5 * 1024 ** 3, "zh-CN", "5 GB"],
    [-1, "en", "—"],
    [Number.NaN, "en", "—"],
  ])("%d in %s → %s", (bytes, locale, text) => {
    expect(formatBytes(bytes, locale)).toBe(text);
  });
});

describe("shortDigest", () => {
  it.each([
    ["sha256:3b7c9f0a1d2e4b5c6d7e8f9a0b1c2d3e", "3b7c9f0a1d2e"],
    ["3b7c9f0a1d2e4b5c", "3b7c9f0a1d2e"],
    [null, "—"],
    ["", "—"],
  ])("%j → %s", (digest, text) => {
    expect(shortDigest(digest)).toBe(text);
  });
});
