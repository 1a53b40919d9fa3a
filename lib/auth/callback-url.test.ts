import { describe, expect, it } from "vitest";
import { redirectWithinApp, safeCallbackUrl, sameOriginPath, withoutBadCallbackCookies } from "./callback-url";

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

describe("sameOriginPath", () => {
  it.each([
    ["/jobs?x=1#a", "/jobs?x=1#a"],
    ["http://localhost:3000/jobs", "/jobs"],
    ["http://localhost:3000", "/"],
    ["https://localhost:3000/jobs", null],
    ["x", null],
    ["javascript:alert(1)", null],
    ["http://a:b", null],
    ["//evil.example", null],
    ["/\\evil.example", null],
    ["/\tjobs", null],
    ["/ok\u0000", null],
    [`/${"a".repeat(3000)}`, null],
  ])("%j → %j", (raw, expected) => {
    expect(sameOriginPath(raw, "http://localhost:3000")).toBe(expected);
  });
});

describe("redirectWithinApp (next-auth's redirect callback)", () => {
  it.each([
    ["/jobs", "http://localhost:3000/jobs"],
    ["http://localhost:3000/login", "http://localhost:3000/login"],
    ["https://evil.example/", "http://localhost:3000/"],
    ["x", "http://localhost:3000/"],
  ])("%s → %s", (url, expected) => {
    expect(redirectWithinApp({ url, baseUrl: "http://localhost:3000" })).toBe(expected);
  });
});

describe("withoutBadCallbackCookies", () => {
  it.each([
    ["a=1; next-auth.callback-url=x; b=2", "a=1; b=2"],
    ["__Secure-next-auth.callback-url=javascript%3Aalert(1)", ""],
    ["next-auth.callback-url=%zz; a=1", "a=1"],
    ["next-auth.callback-url=%2Fjobs; a=1", null],
    ["next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2Fjobs", null],
    ["a=1", null],
  ])("%s → %j", (header, expected) => {
    expect(withoutBadCallbackCookies(header, "http://localhost:3000")).toBe(expected);
  });
});
