import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { createSession } from "@/lib/db/user-sessions";
import { revokeSessionsAnswerSchema } from "@/lib/users/dto";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { POST } from "./route";

vi.mock("@/lib/auth/session-cookie");

// Ending all sessions of a user: admin only, same-origin, audited; the sessions themselves are checked by
// app/api/users/session-revocation.test.ts through real cookies.

setUpApiTests();

let admin: SessionUser;
beforeAll(async () => {
  admin = await createTestUser("admin");
});

const revoke = (id: string, headers: Record<string, string> = {}) =>
  callRoute(POST, `/api/users/${id}/sessions/revoke`, { method: "POST", headers, params: { id } });

async function withSessions(user: SessionUser, live: number) {
  for (let i = 0; i < live; i++)
    await createSession({ userId: user.id, userAgent: null, lifetimeMs: 60_000 });
  // Already ended ones are not counted again.
  await db().session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 60_000), revokedAt: new Date() },
  });
}

const liveSessions = (userId: string) => db().session.count({ where: { userId, revokedAt: null } });

describe("POST /api/users/{id}/sessions/revoke", () => {
  it("ends every live session of the user, says how many, and audits sessions_revoke", async () => {
    actAs(admin);
    const user = await createTestUser("operator");
    await withSessions(user, 2);
    const { status, body } = await jsonOf(await revoke(user.id));
    expect(status).toBe(200);
    expect(revokeSessionsAnswerSchema.parse(body)).toStrictEqual(body);
    expect(body).toEqual({ revoked: 2 });
    expect(await liveSessions(user.id)).toBe(0);

    const events = await db().auditEvent.findMany({ where: { target: user.id } });
    expect(events.map((e) => [e.action, e.actorId, e.outcome, JSON.parse(e.detail ?? "{}")])).toEqual([
      ["sessions_revoke", admin.id, "success", { email: user.email, sessions: 2 }],
    ]);
  });

  it("answers 0 for a user without sessions, and is audited all the same", async () => {
    actAs(admin);
    const user = await createTestUser("viewer");
    expect((await jsonOf(await revoke(user.id))).body).toEqual({ revoked: 0 });
    expect(await db().auditEvent.count({ where: { target: user.id, action: "sessions_revoke" } })).toBe(1);
  });

  it("answers 404 for an unknown user and records nothing", async () => {
    actAs(admin);
    const before = await db().auditEvent.count();
    expect(await jsonOf(await revoke("nope"))).toEqual({
      status: 404,
      body: {
        error: { code: "not_found", key: "errors.users.notFound", params: { id: "nope" }, message: "There is no user with the ID nope." },
      },
    });
    expect(await db().auditEvent.count()).toBe(before);
  });

  it.each([
    ["an operator", "operator", {}, 403],
    ["a viewer", "viewer", {}, 403],
    ["anonymous", null, {}, 401],
    ["another origin", "admin", { origin: "https://evil.example.com" }, 403],
  ] as const)("refuses %s and ends nothing", async (_, role, headers, status) => {
    const user = await createTestUser("viewer");
    await withSessions(user, 1);
    actAs(role && (await createTestUser(role)));
    expect((await revoke(user.id, headers)).status).toBe(status);
    expect(await liveSessions(user.id)).toBe(1);
  });
});
