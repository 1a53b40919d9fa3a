import { describe, expect, it } from "vitest";
import { OncePerWindow, routePattern } from "./access-denied";

describe("OncePerWindow", () => {
  it("lets a key through once per window, each key on its own", () => {
    const once = new OncePerWindow(60_000, 100);
    expect([once.admit("a", 0), once.admit("a", 59_999), once.admit("b", 59_999), once.admit("a", 60_000)]).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it("holds at most its number of keys, forgetting expired ones first, then the oldest", () => {
    const once = new OncePerWindow(60_000, 2);
    once.admit("a", 0);
    once.admit("b", 70_000);
    // "a" has expired: it goes, "b" stays remembered.
    expect(once.admit("c", 80_000)).toBe(true);
    expect(once.admit("b", 80_000)).toBe(false);
    // All recent: the oldest ("b") makes room.
    expect(once.admit("d", 90_000)).toBe(true);
    expect(once.admit("b", 90_000)).toBe(true);
  });
});

describe("routePattern", () => {
  it.each([
    ["/api/audit", {}, "/api/audit"],
    ["/api/users/ck1", { id: "ck1" }, "/api/users/[id]"],
    ["/api/users/ck1/sessions/revoke", { id: "ck1" }, "/api/users/[id]/sessions/revoke"],
    // A parameter is found from the end: a static segment that spells its value stays.
    ["/api/users/users", { id: "users" }, "/api/users/[id]"],
    ["/api/jobs/a%20b/retry", { id: "a b" }, "/api/jobs/[id]/retry"],
    ["/repositories/cn-north-4/team-a/apps/web", { region: "cn-north-4", namespace: "team-a", repository: ["apps", "web"] }, "/repositories/[region]/[namespace]/[...repository]"],
    ["/api/x", null, "/api/x"],
  ])("%s with %j is %s", (path, params, pattern) => {
    expect(routePattern(path, params)).toBe(pattern);
  });
});
