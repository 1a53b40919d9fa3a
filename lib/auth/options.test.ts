import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSession, SESSION_CHECK_TTL_MS } from "@/lib/db/user-sessions";
import { createUser, setUserDisabled, updateUserRole } from "@/lib/db/users";
import type { UserDto } from "@/lib/users/dto";
import { withTestDatabase } from "@/test/with-test-database";
import { currentClaims, getAuthOptions, SESSION_MAX_AGE_SECONDS, SessionRevokedError } from "./options";

withTestDatabase();

describe("currentClaims", () => {
  let user: UserDto;
  let other: UserDto;
  const lifetimeMs = SESSION_MAX_AGE_SECONDS * 1000;
  const tokenFor = (u: UserDto, sid: string) => ({
    sub: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    sid,
  });
  const newSession = (u: UserDto) => createSession({ userId: u.id, userAgent: null, lifetimeMs });

  beforeAll(async () => {
    user = await createUser({ email: "dana@example.com", password: "dana-password-1", role: "viewer" });
    other = await createUser({ email: "ed@example.com", password: "ed-password-12", role: "viewer" });
  });

  it("gives the token its user's current role, read through the session", async () => {
    const sid = await newSession(user);
    await updateUserRole(user.id, "admin");
    expect(await currentClaims(tokenFor(user, sid))).toMatchObject({ sub: user.id, role: "admin", sid });
  });

  it("re-reads a change written past this process's cache once the cached check is older than its lifetime", async () => {
    const sid = await newSession(user);
    const now = Date.now();
    expect(await currentClaims(tokenFor(user, sid), now)).toMatchObject({ role: "admin" });
    await db().user.update({ where: { id: user.id }, data: { role: "operator" } });
    expect(await currentClaims(tokenFor(user, sid), now + SESSION_CHECK_TTL_MS - 1)).toMatchObject({
      role: "admin",
    });
    expect(await currentClaims(tokenFor(user, sid), now + SESSION_CHECK_TTL_MS)).toMatchObject({
      role: "operator",
    });
  });

  it.each<[string, (sid: string) => Promise<Record<string, unknown>>, RegExp]>([
    ["a token without a session", async () => ({ sid: undefined }), /names no server-side session/],
    ["an unknown session", async () => ({ sid: "no-such-session" }), /is unknown/],
    [
      "a revoked session",
      async (sid) => (await db().session.update({ where: { id: sid }, data: { revokedAt: new Date() } }), {}),
      /is revoked/,
    ],
    [
      "an expired session",
      async (sid) => (await db().session.update({ where: { id: sid }, data: { expiresAt: new Date() } }), {}),
      /is expired/,
    ],
    [
      "a user disabled by the admin API's data layer",
      async () => (await setUserDisabled(user.id, true), {}),
      /is revoked/,
    ],
    [
      "a user disabled by a direct write",
      async () => (await db().user.update({ where: { id: user.id }, data: { disabled: true } }), {}),
      /is user disabled/,
    ],
    ["a session of another user", async () => ({ sid: await newSession(other) }), /belongs to another user/],
  ])("ends the session of %s", async (_what, arrange, message) => {
    await setUserDisabled(user.id, false);
    const sid = await newSession(user);
    const token = { ...tokenFor(user, sid), ...(await arrange(sid)) };
    const refused = currentClaims(token);
    await expect(refused).rejects.toBeInstanceOf(SessionRevokedError);
    await expect(refused).rejects.toThrow(message);
  });
});

describe("getAuthOptions", () => {
  it("signs in with JWT sessions of 8 hours on the /login page", () => {
    const options = getAuthOptions();
    expect(options.session).toEqual({ strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS });
    expect(SESSION_MAX_AGE_SECONDS).toBe(8 * 3600);
    expect(options.pages?.signIn).toBe("/login");
    expect(options.useSecureCookies).toBe(false);
    expect(options.cookies?.sessionToken?.options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
    });
  });
});
