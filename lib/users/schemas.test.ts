import { describe, expect, it } from "vitest";
import { emailSchema, passwordSchema, updateUserSchema } from "./schemas";

describe("passwordSchema", () => {
  it.each([
    ["eleven char", false],
    ["twelve chars", true],
    ["x".repeat(1024), true],
    ["x".repeat(1025), false],
  ])("%j → valid: %s", (password, valid) => {
    expect(passwordSchema.safeParse(password).success).toBe(valid);
  });
});

describe("emailSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailSchema.parse("  Mixed.Case@Example.COM ")).toBe("mixed.case@example.com");
  });

  it.each([["not-an-email"], [""], [`${"a".repeat(250)}@b.cd`]])("refuses %j", (email) => {
    expect(emailSchema.safeParse(email).success).toBe(false);
  });
});

describe("updateUserSchema", () => {
  it.each([
    [{ role: "operator" }, true],
    [{ disabled: true }, true],
    [{ role: "admin", disabled: false }, true],
    [{}, false],
    [{ role: "owner" }, false],
    [{ disabled: "yes" }, false],
    [{ role: "viewer", email: "x@example.com" }, false],
  ])("%j → valid: %s", (patch, valid) => {
    expect(updateUserSchema.safeParse(patch).success).toBe(valid);
  });
});
