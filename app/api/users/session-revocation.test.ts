import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as jobStats } from "@/app/api/jobs/stats/route";
import { GET as listUsers } from "@/app/api/users/route";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { POST as revokeSessions } from "@/app/api/users/[id]/sessions/revoke/route";
import { db } from "@/lib/db/client";
import { SESSION_CHECK_TTL_MS } from "@/lib/db/user-sessions";
import { createUser } from "@/lib/db/users";
import { TestBrowser, withRealAuth } from "@/test/auth-browser";
import { withTestDatabase } from "@/test/with-test-database";

// Revocation measured through the real stack: next-auth's sign-in and sign-out, its session cookie, and the route guard
// (lib/api/handler.ts → requireUser → the session cookie's check → the session row). Nothing of next-auth is mocked.

withTestDatabase();
withRealAuth();

const PASSWORD = "a-long-test-password";
let userCount = 0;

async function signedIn(role: "viewer" | "operator" | "admin") {
  const user = await createUser({ email: `${role}-${++userCount}@example.com`, password: PASSWORD, role });
  const browser = new TestBrowser();
  expect(await browser.signIn(user.email, PASSWORD)).toEqual({ ok: true, error: null });
  return { user, browser };
}

/** A fresh browser signed in as the user: ending old sessions never stops new ones. */
async function signInAgain(email: string) {
  const browser = new TestBrowser();
  expect((await browser.signIn(email, PASSWORD)).ok).toBe(true);
  return browser;
}

const statusOf = async (browser: TestBrowser, route = jobStats, path = "/api/jobs/stats") =>
  (await browser.request(route, path)).status;
const usersStatus = (browser: TestBrowser) => statusOf(browser, listUsers, "/api/users");

let admin: TestBrowser;
beforeAll(async () => {
  admin = (await signedIn("admin")).browser;
  vi.spyOn(console, "warn").mockImplementation(() => undefined); // "session ended: …" lines
});
afterEach(() => vi.useRealTimers());

const patch = (id: string, json: unknown) =>
  admin.request(patchUser, `/api/users/${id}`, { method: "PATCH", json, params: { id } });

describe("a role change", () => {
  it("holds from the user's very next request", async () => {
    const { user, browser } = await signedIn("admin");
    expect(await usersStatus(browser)).toBe(200);
    expect((await patch(user.id, { role: "viewer" })).status).toBe(200);
    expect(await usersStatus(browser)).toBe(403);
    expect((await browser.session()).user?.role).toBe("viewer");
    expect(await statusOf(browser)).toBe(200);

    expect((await patch(user.id, { role: "admin" })).status).toBe(200);
    expect(await usersStatus(browser)).toBe(200);
  });

  it("made by another instance holds within the check cache's lifetime", async () => {
    const { user, browser } = await signedIn("admin");
    expect(await usersStatus(browser)).toBe(200);
    // Written past this process's cache, as another instance would.
    await db().user.update({ where: { id: user.id }, data: { role: "viewer" } });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + SESSION_CHECK_TTL_MS });
    expect(await usersStatus(browser)).toBe(403);
  });
});

describe("disabling a user", () => {
  it("ends their session at once: the next request is 401", async () => {
    const { user, browser } = await signedIn("operator");
    expect(await statusOf(browser)).toBe(200);
    expect((await patch(user.id, { disabled: true })).status).toBe(200);
    expect(await statusOf(browser)).toBe(401);
    expect(await browser.session()).toEqual({});
  });

  it("for good: enabling them again does not revive the old session, a new sign-in works", async () => {
    const { user, browser } = await signedIn("operator");
    const copy = browser.copy();
    expect((await patch(user.id, { disabled: true })).status).toBe(200);
    expect((await patch(user.id, { disabled: false })).status).toBe(200);
    expect(await statusOf(copy)).toBe(401);
    const rows = await db().session.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.revokedAt !== null)).toEqual([true]);

    expect(await statusOf(await signInAgain(user.email))).toBe(200);
  });
});

describe("signing out", () => {
  it("ends the session for every copy of its cookie", async () => {
    const { browser } = await signedIn("viewer");
    const copy = browser.copy();
    expect(browser.cookie("next-auth.session-token")).toBeDefined();
    expect(await statusOf(copy)).toBe(200);

    await browser.signOut();
    expect(browser.cookie("next-auth.session-token")).toBeUndefined();
    expect(await statusOf(copy)).toBe(401);
    expect(await copy.session()).toEqual({});
  });

  it("ends only that session: the user's other browsers stay signed in", async () => {
    const { user, browser } = await signedIn("viewer");
    const other = new TestBrowser("Other/2.0");
    expect((await other.signIn(user.email, PASSWORD)).ok).toBe(true);
    await browser.signOut();
    expect(await statusOf(other)).toBe(200);
    const rows = await db().session.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.userAgent, r.revokedAt !== null])).toEqual([
      ["TestBrowser/1.0", true],
      ["Other/2.0", false],
    ]);
  });
});

describe("ending all sessions of a user", () => {
  it("signs them out in every browser at the next request; they can sign in again", async () => {
    const { user, browser } = await signedIn("operator");
    const other = new TestBrowser("Other/2.0");
    expect((await other.signIn(user.email, PASSWORD)).ok).toBe(true);
    const ended = await admin.request(revokeSessions, `/api/users/${user.id}/sessions/revoke`, {
      method: "POST",
      params: { id: user.id },
    });
    expect({ status: ended.status, body: (await ended.json()) as unknown }).toEqual({
      status: 200,
      body: { revoked: 2 },
    });
    expect(await statusOf(browser)).toBe(401);
    expect(await statusOf(other)).toBe(401);

    expect(await statusOf(await signInAgain(user.email))).toBe(200);
  });
});

describe("a session cookie", () => {
  it("without a server-side session (issued before sessions were kept) is refused", async () => {
    const { encode } = await import("next-auth/jwt");
    const { user } = await signedIn("viewer");
    const token = await encode({
      secret: process.env.NEXTAUTH_SECRET ?? "",
      token: { sub: user.id, email: user.email, role: "viewer" },
    });
    const legacy = new TestBrowser();
    // A browser that already holds the old cookie: set it by answering a request with it.
    const response = await legacy.request(
      () =>
        Promise.resolve(
          new Response(null, { headers: { "set-cookie": `next-auth.session-token=${token}; Path=/` } }),
        ),
      "/",
    );
    expect(response.status).toBe(200);
    expect(await statusOf(legacy)).toBe(401);
  });
});
