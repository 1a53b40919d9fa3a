import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { actAs, callRoute, createTestUser, setUpApiTests } from "@/test/api-routes";
import { PATCH as patchUser } from "../users/[id]/route";
import { GET as listAudit } from "./route";

vi.mock("@/lib/auth/session-cookie");

// A signed-in user refused for their role leaves one `access_denied` event per route and minute; anonymous calls none.

setUpApiTests();

const denials = (actorId?: string) =>
  db().auditEvent.findMany({ where: { action: "access_denied", ...(actorId && { actorId }) }, orderBy: { at: "asc" } });

describe("refused requests in the audit log", () => {
  it("records who was refused which route, with the method and the roles, once a minute per route", async () => {
    const viewer = await createTestUser("viewer");
    actAs(viewer);
    for (let i = 0; i < 3; i++) expect((await callRoute(listAudit, "/api/audit")).status).toBe(403);
    // Another route, and the same one with other IDs: one event for the route, whatever the ID.
    for (const id of ["ck-a", "ck-b"]) {
      const res = await callRoute(patchUser, `/api/users/${id}`, { method: "PATCH", body: { role: "admin" }, params: { id } });
      expect(res.status).toBe(403);
    }
    const events = await denials(viewer.id);
    expect(events.map((e) => [e.actorEmail, e.target, e.outcome, JSON.parse(e.detail ?? "null")])).toEqual([
      [viewer.email, "/api/audit", "failure", { method: "GET", route: "/api/audit", role: "viewer", needed: "admin" }],
      [viewer.email, "/api/users/[id]", "failure", { method: "PATCH", route: "/api/users/[id]", role: "viewer", needed: "admin" }],
    ]);
  });

  it("counts each user on their own", async () => {
    const [a, b] = [await createTestUser("operator"), await createTestUser("operator")];
    for (const user of [a, b, a]) {
      actAs(user);
      expect((await callRoute(listAudit, "/api/audit")).status).toBe(403);
    }
    expect(await denials(a.id)).toHaveLength(1);
    expect(await denials(b.id)).toHaveLength(1);
  });

  it("records nothing for an anonymous caller (401) or an allowed one", async () => {
    const before = (await denials()).length;
    actAs(null);
    expect((await callRoute(listAudit, "/api/audit")).status).toBe(401);
    actAs(await createTestUser("admin"));
    expect((await callRoute(listAudit, "/api/audit")).status).toBe(200);
    expect(await denials()).toHaveLength(before);
  });
});
