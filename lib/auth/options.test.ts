import { beforeAll, describe, expect, it } from "vitest";
import { createUser, setUserDisabled, updateUserRole } from "@/lib/db/users";
import type { UserDto } from "@/lib/users/dto";
import { withTestDatabase } from "@/test/with-test-database";
import {
  CLAIMS_MAX_AGE_MS,
  getAuthOptions,
  refreshClaims,
  SESSION_MAX_AGE_SECONDS,
  SessionRevokedError,
} from "./options";

withTestDatabase();

describe("refreshClaims", () => {
  let user: UserDto;
  const now = Date.now();
  const tokenFor = (u: UserDto, checkedAt: number) => ({
    sub: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    checkedAt,
  });

  beforeAll(async () => {
    user = await createUser({ email: "dana@example.com", password: "dana-password-1", role: "viewer" });
  });

  it("keeps a token checked less than a minute ago without reading the database", async () => {
    await updateUserRole(user.id, "admin");
    const token = tokenFor(user, now - CLAIMS_MAX_AGE_MS + 1000);
    expect(await refreshClaims(token, now)).toBe(token);
  });

  it("picks up a role change once the token is a minute old", async () => {
    expect(await refreshClaims(tokenFor(user, now - CLAIMS_MAX_AGE_MS), now)).toMatchObject({
      role: "admin",
      checkedAt: now,
    });
  });

  it.each([
    ["a disabled user", async () => (await setUserDisabled(user.id, true)).id],
    ["a deleted user", () => Promise.resolve("no-such-user")],
    ["a token without a user", () => Promise.resolve("")],
  ])("ends the session of %s", async (_what, subject) => {
    const token = { ...tokenFor(user, 0), sub: await subject() };
    await expect(refreshClaims(token, now)).rejects.toBeInstanceOf(SessionRevokedError);
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
