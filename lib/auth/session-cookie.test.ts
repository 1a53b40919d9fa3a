import { decode, encode } from "next-auth/jwt";
import type * as Jwt from "next-auth/jwt";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createSession, revokeSession, SESSION_CHECK_TTL_MS } from "@/lib/db/user-sessions";
import { revokeUserSessionsAsAdmin, updateUserAsAdmin } from "@/lib/db/user-admin";
import { createUser, updateUserRole } from "@/lib/db/users";
import type { UserDto } from "@/lib/users/dto";
import { withTestDatabase } from "@/test/with-test-database";
import { SESSION_MAX_AGE_SECONDS } from "./options";
import type { SessionUser } from "./session-user";
import { cookiesOfHeader, MAX_DECODED_TOKENS, sessionTokenOf, sessionUserOf } from "./session-cookie";

// Counted, never timed: how often a token is decrypted and a session row is read.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof Jwt>();
  return { ...real, decode: vi.fn(real.decode) };
});

withTestDatabase();

const SECRET = "a-session-cookie-test-secret-of-32-chars";
const COOKIE = "next-auth.session-token";
const PASSWORD = "a-long-test-password";

let users = 0;
let rowReads: ReturnType<typeof vi.spyOn>;

let admin: SessionUser;
beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  const { id, email, name, role } = await createUser({ email: "admin@example.com", password: PASSWORD, role: "admin" });
  admin = { id, email, name, role };
});
beforeEach(() => {
  vi.mocked(decode).mockClear();
  rowReads = vi.spyOn(db().session, "findUnique");
});
afterEach(() => {
  rowReads.mockRestore();
  vi.useRealTimers();
});

/** A user signed in once: their server-side session and the cookie next-auth gave them. */
async function signedIn(role: UserDto["role"] = "viewer", maxAge = SESSION_MAX_AGE_SECONDS) {
  const user = await createUser({ email: `user-${++users}@example.com`, password: PASSWORD, role });
  const sid = await createSession({ userId: user.id, userAgent: null, lifetimeMs: SESSION_MAX_AGE_SECONDS * 1000 });
  const value = await encode({ secret: SECRET, maxAge, token: { sub: user.id, email: user.email, name: user.name, role, sid } });
  return { user, sid, cookies: [{ name: COOKIE, value }] };
}

const decodes = () => vi.mocked(decode).mock.calls.length;

describe("sessionUserOf", () => {
  it("decrypts a cookie once and reads its session once within the check's lifetime", async () => {
    const { user, cookies } = await signedIn("operator");
    const now = Date.now();
    const first = await sessionUserOf(cookies, now);
    const again = await sessionUserOf(cookies, now + SESSION_CHECK_TTL_MS - 1);
    expect(first).toEqual({ id: user.id, email: user.email, name: user.name, role: "operator" });
    expect(again).toEqual(first);
    expect({ decodes: decodes(), rowReads: rowReads.mock.calls.length }).toEqual({ decodes: 1, rowReads: 1 });
  });

  it("reads the session row again once the check's lifetime is over, without decrypting again", async () => {
    const { cookies } = await signedIn();
    const now = Date.now();
    await sessionUserOf(cookies, now);
    await sessionUserOf(cookies, now + SESSION_CHECK_TTL_MS);
    expect({ decodes: decodes(), rowReads: rowReads.mock.calls.length }).toEqual({ decodes: 1, rowReads: 2 });
  });

  it("forgets the decrypted token when it expires: the expired cookie signs in no one", async () => {
    const { cookies } = await signedIn("viewer", 60);
    expect(await sessionUserOf(cookies)).not.toBeNull();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 120_000 });
    expect(await sessionUserOf(cookies)).toBeNull();
    expect(decodes()).toBe(2);
  });

  it.each<[string, (u: { user: UserDto; sid: string }) => Promise<unknown>, string | null]>([
    ["a role change", ({ user }) => updateUserAsAdmin(admin, user.id, { role: "admin" }), "admin"],
    ["a disable", ({ user }) => updateUserAsAdmin(admin, user.id, { disabled: true }), null],
    ["a sign-out", ({ sid }) => revokeSession(sid), null],
    ["ending all the user's sessions", ({ user }) => revokeUserSessionsAsAdmin(admin, user.id), null],
    ["a role change by the data layer", ({ user }) => updateUserRole(user.id, "viewer"), "viewer"],
  ])("holds %s from the very next call, within the check's lifetime", async (_what, change, role) => {
    const signed = await signedIn("operator");
    const now = Date.now();
    expect((await sessionUserOf(signed.cookies, now))?.role).toBe("operator");
    await change(signed);
    expect((await sessionUserOf(signed.cookies, now + 1))?.role ?? null).toBe(role);
    expect(rowReads.mock.calls.length).toBe(2);
  });

  it("keeps the checks of other users when one user changes", async () => {
    const kept = await signedIn();
    const changed = await signedIn();
    const now = Date.now();
    await sessionUserOf(kept.cookies, now);
    await updateUserRole(changed.user.id, "admin");
    await sessionUserOf(kept.cookies, now + 1);
    expect(rowReads.mock.calls.length).toBe(1);
  });

  it.each([
    ["no cookie", []],
    ["an empty cookie", [{ name: COOKIE, value: "" }]],
    ["a cookie that is not a token", [{ name: COOKIE, value: "not-a-token" }]],
  ])("signs in no one with %s, reading no session", async (_what, cookies) => {
    expect(await sessionUserOf(cookies)).toBeNull();
    expect(rowReads).not.toHaveBeenCalled();
  });

  it("keeps no refused token: each call with it tries again", async () => {
    const cookies = [{ name: COOKIE, value: "not-a-token" }];
    await sessionUserOf(cookies);
    await sessionUserOf(cookies);
    expect(decodes()).toBe(2);
  });

  it("keeps at most MAX_DECODED_TOKENS tokens, dropping the least recently used", async () => {
    const { user, sid, cookies } = await signedIn();
    // More cookies of the same session (each encryption differs), as a server sees many sessions.
    const others = await Promise.all(
      Array.from({ length: MAX_DECODED_TOKENS }, async () => [
        { name: COOKIE, value: await encode({ secret: SECRET, token: { sub: user.id, email: user.email, role: "viewer", sid } }) },
      ]),
    );
    const now = Date.now();
    await sessionUserOf(cookies, now);
    for (const other of others.slice(0, -1)) await sessionUserOf(other, now);
    await sessionUserOf(cookies, now); // used again: now the most recent
    await sessionUserOf(others.at(-1)!, now); // one too many: the least recently used goes
    expect(decodes()).toBe(MAX_DECODED_TOKENS + 1);
    await sessionUserOf(cookies, now);
    expect(decodes()).toBe(MAX_DECODED_TOKENS + 1);
    await sessionUserOf(others[0]!, now);
    expect(decodes()).toBe(MAX_DECODED_TOKENS + 2);
  });
});

describe("sessionTokenOf", () => {
  it.each<[string, { name: string; value: string }[], string | undefined]>([
    ["the whole cookie", [{ name: "other", value: "x" }, { name: COOKIE, value: "abc" }], "abc"],
    ["its chunks in order", [{ name: `${COOKIE}.1`, value: "def" }, { name: `${COOKIE}.0`, value: "abc" }], "abcdef"],
    ["nothing without it", [{ name: "other", value: "x" }], undefined],
    ["nothing for a look-alike name", [{ name: `${COOKIE}.x`, value: "abc" }], undefined],
  ])("reads %s", (_what, cookies, token) => {
    expect(sessionTokenOf(cookies, COOKIE)).toBe(token);
  });
});

describe("cookiesOfHeader", () => {
  it("splits the pairs and decodes their values, keeping a malformed one as sent", () => {
    expect(cookiesOfHeader("a=1; b=x%2Fy;c=%zz; flag")).toEqual([
      { name: "a", value: "1" },
      { name: "b", value: "x/y" },
      { name: "c", value: "%zz" },
    ]);
    expect(cookiesOfHeader(null)).toEqual([]);
  });
});
