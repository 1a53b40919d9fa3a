import { describe, expect, it } from "vitest";
import { roleAllows, type Role } from "./roles";

describe("roleAllows", () => {
  it.each<[Role, Role, boolean]>([
    ["viewer", "viewer", true],
    ["viewer", "operator", false],
    ["viewer", "admin", false],
    ["operator", "viewer", true],
    ["operator", "operator", true],
    ["operator", "admin", false],
    ["admin", "viewer", true],
    ["admin", "operator", true],
    ["admin", "admin", true],
  ])("%s may do what needs %s: %s", (role, minRole, allowed) => {
    expect(roleAllows(role, minRole)).toBe(allowed);
  });
});
