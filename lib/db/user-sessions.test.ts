import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/test/with-test-database";
import { db } from "./client";
import {
  checkSession,
  createSession,
  forgetSession,
  forgetUserSessions,
  revokeSession,
  revokeUserSessions,
  SESSION_CHECK_TTL_MS,
  SESSION_TOUCH_MS,
} from "./user-sessions";
import { createUser } from "./users";

withTestDatabase();

const LIFETIME = 8 * 3600_000;
let userId: string;

beforeAll(async () => {
  userId = (await createUser({ email: "sam@example.com", password: "sam-password-12", role: "operator" })).id;
});

const newSession = (now = new Date()) =>
  createSession({ userId, userAgent: "Agent/1", lifetimeMs: LIFETIME }, now);
const row = (id: string) => db().session.findUniqueOrThrow({ where: { id } });

describe("server-side sessions", () => {
  it("are created live, outliving the cookie by one touch interval, and clear expired sessions on the way", async () => {
    const stale = await newSession(new Date(Date.now() - 2 * LIFETIME));
    const now = new Date();
    const id = await newSession(now);
    expect(await row(id)).toMatchObject({
      userId,
      userAgent: "Agent/1",
      createdAt: now,
      lastSeenAt: now,
      revokedAt: null,
      expiresAt: new Date(now.getTime() + LIFETIME + SESSION_TOUCH_MS),
    });
    expect(await db().session.findUnique({ where: { id: stale } })).toBeNull();
  });

  it("slide their expiry with use, written at most once per touch interval", async () => {
    const start = Date.now();
    const id = await newSession(new Date(start));
    expect(await checkSession(id, LIFETIME, start + SESSION_TOUCH_MS - 1)).toMatchObject({ live: true });
    expect((await row(id)).lastSeenAt).toEqual(new Date(start));
    forgetSession(id);
    const later = start + SESSION_TOUCH_MS;
    expect(await checkSession(id, LIFETIME, later)).toMatchObject({ live: true });
    expect(await row(id)).toMatchObject({
      lastSeenAt: new Date(later),
      expiresAt: new Date(later + LIFETIME + SESSION_TOUCH_MS),
    });
  });

  it("cache a check for SESSION_CHECK_TTL_MS unless this process forgets it", async () => {
    const id = await newSession();
    const now = Date.now();
    expect(await checkSession(id, LIFETIME, now)).toMatchObject({ claims: { role: "operator" } });
    await db().user.update({ where: { id: userId }, data: { role: "viewer" } });
    expect(await checkSession(id, LIFETIME, now + 1)).toMatchObject({ claims: { role: "operator" } });
    expect(await checkSession(id, LIFETIME, now + SESSION_CHECK_TTL_MS)).toMatchObject({
      claims: { role: "viewer" },
    });

    await db().user.update({ where: { id: userId }, data: { role: "admin" } });
    forgetUserSessions(userId);
    expect(await checkSession(id, LIFETIME, now + SESSION_CHECK_TTL_MS + 1)).toMatchObject({
      claims: { role: "admin" },
    });
    await db().user.update({ where: { id: userId }, data: { role: "operator" } });
    forgetUserSessions(userId);
  });

  it("end one at a time (sign-out) or all of a user's at once, counting only live ones", async () => {
    const [a, b, c] = [await newSession(), await newSession(), await newSession()];
    expect(await checkSession(a, LIFETIME)).toMatchObject({ live: true });
    await revokeSession(a);
    expect(await checkSession(a, LIFETIME)).toEqual({ live: false, reason: "revoked" });
    await db().session.update({ where: { id: c }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await checkSession(c, LIFETIME)).toEqual({ live: false, reason: "expired" });
    const live = await db().session.count({
      where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    expect(await revokeUserSessions(userId)).toBe(live);
    forgetUserSessions(userId);
    expect(await checkSession(b, LIFETIME)).toEqual({ live: false, reason: "revoked" });
    expect(await checkSession("no-such-session", LIFETIME)).toEqual({ live: false, reason: "unknown" });
  });
});
