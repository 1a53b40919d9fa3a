import { describe, expect, it } from "vitest";
import { bearerOf, effectiveRole, hashToken, isTokenText, newTokenText, tokenRoleProblem } from "./rules";

describe("bearerOf", () => {
  it.each<[string | null, string | null]>([
    [null, null],
    ["Bearer swrs_abc", "swrs_abc"],
    ["bearer  swrs_abc ", "swrs_abc"],
    ["Bearer", ""],
    ["Bearer a b", null],
    ["Basic dXNlcjpwYXNz", null],
    ["Token swrs_abc", null],
  ])("%j → %j", (header, token) => {
    expect(bearerOf(new Headers(header === null ? {} : { authorization: header }))).toBe(token);
  });
});

describe("token text", () => {
  it("is swrs_, 8 hex, _, 32 random bytes; its hash is SHA-256 hex; no two alike", () => {
    const a = newTokenText();
    const b = newTokenText();
    expect(isTokenText(a.token)).toBe(true);
    expect(a.token.startsWith(`${a.prefix}_`)).toBe(true);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.token).not.toBe(a.token);
    expect(isTokenText(`${a.token}x`)).toBe(false);
    expect(isTokenText(a.prefix)).toBe(false);
  });
});

describe("roles", () => {
  it.each([
    ["viewer", "viewer", "viewer", true],
    ["operator", "viewer", "viewer", true],
    ["operator", "admin", "operator", false],
    ["admin", "operator", "operator", true],
    ["viewer", "admin", "viewer", false],
  ] as const)("creator %s, token %s: acts as %s (allowed: %s)", (owner, token, acts, allowed) => {
    expect(tokenRoleProblem(owner, token) === null).toBe(allowed);
    expect(effectiveRole(token, owner)).toBe(acts);
  });
});
