// Requests that go through next-auth for real, as a browser makes them: a cookie jar per browser, next-auth's own
// route handlers, and the app's route handlers with their real guard (nothing of next-auth is mocked).
// next-auth reads cookies and headers through next/headers, which works only inside Next: withRealAuth() points it at
// the request being handled. Call withRealAuth() after withTestDatabase() or setUpApiTests().
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, vi } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";

export const APP_ORIGIN = "http://localhost:3000";

type Handler = (request: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;

interface CookieStore {
  getAll(): { name: string; value: string }[];
}
interface NextHeaders {
  headers(): Promise<Headers>;
  cookies(): Promise<CookieStore>;
}

// The very module object next-auth requires (Node's require cache), so replacing its functions reaches next-auth.
const nextHeaders = createRequire(import.meta.url)("next/headers") as NextHeaders;
let current: Request | undefined;

function handled(): Request {
  if (!current) throw new Error("next/headers was used outside a request of TestBrowser");
  return current;
}

function parseCookieHeader(header: string | null): { name: string; value: string }[] {
  return (header ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: decodeURIComponent(pair.slice(at + 1)) };
    });
}

/** next-auth with its secret and URL set, and next/headers answering from the request being handled. */
export function withRealAuth(): void {
  let saved: NextHeaders | undefined;
  beforeAll(() => {
    vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-at-least-32-characters");
    vi.stubEnv("NEXTAUTH_URL", APP_ORIGIN);
    saved = { headers: nextHeaders.headers, cookies: nextHeaders.cookies };
    nextHeaders.headers = () => Promise.resolve(handled().headers);
    nextHeaders.cookies = () =>
      Promise.resolve({ getAll: () => parseCookieHeader(handled().headers.get("cookie")) });
  });
  afterAll(() => {
    if (saved) Object.assign(nextHeaders, saved);
  });
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  params?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** One browser: its cookies, sent with each request and updated from each answer. */
export class TestBrowser {
  private readonly jar = new Map<string, string>();

  constructor(private readonly userAgent = "TestBrowser/1.0") {}

  /** Another browser holding a copy of this one's cookies (a stolen or copied session cookie). */
  copy(): TestBrowser {
    const other = new TestBrowser(this.userAgent);
    for (const [name, value] of this.jar) other.jar.set(name, value);
    return other;
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  async request(handler: Handler, path: string, o: RequestOptions = {}): Promise<Response> {
    const method = o.method ?? (o.json === undefined && o.form === undefined ? "GET" : "POST");
    const headers = new Headers({ origin: APP_ORIGIN, "user-agent": this.userAgent, ...o.headers });
    const cookies = [...this.jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
    if (cookies) headers.set("cookie", cookies);
    let body: string | undefined;
    if (o.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(o.json);
    } else if (o.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(o.form).toString();
    }
    const request = new NextRequest(new URL(path, APP_ORIGIN), { method, headers, body });
    current = request;
    try {
      const response = await handler(request, { params: Promise.resolve(o.params ?? {}) });
      this.keepCookies(response);
      return response;
    } finally {
      current = undefined;
    }
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = decodeURIComponent(pair.slice(at + 1));
      const gone = value === "" || attributes.some((a) => /^max-age=0$/i.test(a));
      if (gone) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  private auth(action: string[], o: RequestOptions = {}): Promise<Response> {
    const handler = (o.method ?? (o.form ? "POST" : "GET")) === "GET" ? authRoute.GET : authRoute.POST;
    return this.request(handler as Handler, `/api/auth/${action.join("/")}`, {
      ...o,
      params: { nextauth: action },
    });
  }

  private async csrfToken(): Promise<string> {
    const { csrfToken } = (await (await this.auth(["csrf"])).json()) as { csrfToken: string };
    return csrfToken;
  }

  /** Signs in with the credentials form as next-auth's client does; `error` is what the login form would get. */
  async signIn(email: string, password: string): Promise<{ ok: boolean; error: string | null }> {
    const form = { csrfToken: await this.csrfToken(), email, password, json: "true" };
    const response = await this.auth(["callback", "credentials"], { form });
    const { url } = (await response.json()) as { url: string };
    const error = new URL(url, APP_ORIGIN).searchParams.get("error");
    return { ok: response.ok && !error, error };
  }

  async signOut(): Promise<void> {
    await this.auth(["signout"], { form: { csrfToken: await this.csrfToken(), json: "true" } });
  }

  /** What GET /api/auth/session answers: the user as the session carries them, or nothing. */
  async session(): Promise<{ user?: { id: string; email: string; role: string } }> {
    return (await (await this.auth(["session"])).json()) as {
      user?: { id: string; email: string; role: string };
    };
  }
}
