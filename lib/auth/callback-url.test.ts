import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/jobs?status=failed", "/jobs?status=failed"],
    [["/repositories", "/x"], "/repositories"],
    ["https://evil.example.com", "/"],
    ["//evil.example.com", "/"],
    ["/\\evil.example.com", "/"],
    ["/login", "/"],
    ["/api/jobs", "/"],
  ])("%j → %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});
