import NextAuth from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createUser, getUserByEmail, setUserDisabled } from "@/lib/db/users";
import { withTestDatabase } from "@/test/with-test-database";
import { getAuthOptions } from "./options";

// The whole credentials sign-in through next-auth's own (pages-style) handler: CSRF token, callback, session.

withTestDatabase();

const PASSWORD = "erin-password-1";

interface Reply {
  status: number;
  setCookies: string[];
  body: unknown;
  location?: string;
}

/** One request to /api/auth/<path>, with a minimal Node-style req/res pair. */
async function call(
  path: string[],
  cookies: Record<string, string>,
  body?: Record<string, string>,
  query: Record<string, string> = {},
): Promise<Reply> {
  const reply: Reply = { status: 200, setCookies: [], body: undefined };
  const headers = new Map<string, unknown>();
  const res = {
    status: (code: number) => ((reply.status = code), res),
    setHeader: (name: string, value: unknown) => (headers.set(name.toLowerCase(), value), res),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end: () => undefined,
    json: (data: unknown) => void (reply.body = data),
    send: (data: unknown) => void (reply.body = data),
  };
  const req = {
    method: body ? "POST" : "GET",
    query: { ...query, nextauth: path },
    headers: { host: "localhost:3000" },
    cookies,
    body: body ?? {},
  };
  await (NextAuth as (req: unknown, res: unknown, options: unknown) => Promise<void>)(
    req,
    res,
    getAuthOptions(),
  );
  reply.setCookies = [headers.get("set-cookie") ?? []].flat() as string[];
  reply.location = headers.get("location") as string | undefined;
  return reply;
}

const cookieValue = (reply: Reply, name: string) =>
  reply.setCookies
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0]
    ?.slice(name.length + 1);

async function signIn(email: string, password: string) {
  const csrf = await call(["csrf"], {});
  const csrfCookie = cookieValue(csrf, "next-auth.csrf-token") ?? "";
  const { csrfToken } = csrf.body as { csrfToken: string };
  const callback = await call(
    ["callback", "credentials"],
    { "next-auth.csrf-token": decodeURIComponent(csrfCookie) },
    { csrfToken, email, password, json: "true" },
  );
  const token = cookieValue(callback, "next-auth.session-token");
  const session = token ? await call(["session"], { "next-auth.session-token": token }) : undefined;
  return { callback, token, session: session?.body as { user?: unknown } | undefined };
}

describe("credentials sign-in", () => {
  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-at-least-32-characters");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    await createUser({ email: "erin@example.com", name: "Erin", password: PASSWORD, role: "operator" });
    const frank = await createUser({ email: "frank@example.com", password: PASSWORD, role: "admin" });
    await setUserDisabled(frank.id, true);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie whose session carries id, email, name and role", async () => {
    const { callback, session } = await signIn("Erin@example.com", PASSWORD);
    const cookie = callback.setCookies.find((c) => c.startsWith("next-auth.session-token="));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(session?.user).toEqual({
      id: expect.any(String),
      email: "erin@example.com",
      name: "Erin",
      role: "operator",
    });
  });

  it.each([
    ["a wrong password", "erin@example.com", "not-erins-password"],
    ["a disabled user", "frank@example.com", PASSWORD],
    ["an unknown user", "gina@example.com", PASSWORD],
  ])("sets no session cookie for %s", async (_what, email, password) => {
    const { callback, session } = await signIn(email, password);
    expect(callback.body).toEqual({ url: expect.stringContaining("error=CredentialsSignin") });
    expect(callback.setCookies.some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
    expect(session).toBeUndefined();
  });

  it.each(["Configuration", "AccessDenied", "Verification", "Default"])(
    "sends next-auth's %s error to the sign-in page, which says it in the reader's language, not to next-auth's English page",
    async (error) => {
      const reply = await call(["error"], {}, undefined, { error });
      expect(reply.status).toBe(302);
      expect(reply.location).toBe(`/login?error=${error}`);
      expect(reply.body).toBeUndefined();
    },
  );

  it("ends the session at once when the user is disabled, and clears the cookie", async () => {
    const { token } = await signIn("erin@example.com", PASSWORD);
    const cookies = { "next-auth.session-token": token ?? "" };
    const erin = await getUserByEmail("erin@example.com");
    expect(((await call(["session"], cookies)).body as { user?: unknown }).user).toBeDefined();

    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      await setUserDisabled(erin!.id, true);
      const later = await call(["session"], cookies);
      expect(later.body).toEqual({});
      expect(later.setCookies.find((c) => c.startsWith("next-auth.session-token="))).toMatch(
        /^next-auth.session-token=; Max-Age=0/,
      );
      const lines = stdout.mock.calls.map(([chunk]) => JSON.parse(String(chunk)) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({ level: "warn", component: "auth", msg: expect.stringMatching(/^session ended: session .* is revoked/) }),
      );
    } finally {
      stdout.mockRestore();
      await setUserDisabled(erin!.id, false);
    }
  });
});
