import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listApiRoutes, proxyMatches, type ApiRoute } from "@/test/http-pipeline";
import { proxy } from "./proxy";

const settings = { NEXTAUTH_URL: "http://localhost:3000", NODE_ENV: "production" };
vi.mock("@/lib/env", () => ({ env: () => settings }));

const ORIGIN = "http://localhost:3000";
const SESSION = "next-auth.session-token=abc";

function call(target: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return proxy(new NextRequest(ORIGIN + target, { method: init.method ?? "GET", headers: init.headers }));
}

/** A concrete address for a route pattern: /api/jobs/[id]/retry → /api/jobs/x/retry */
const addressOf = (route: ApiRoute) => route.pattern.replace("[...nextauth]", "session").replace(/\[[^\]]+\]/g, "x");

function expectCommonHeaders(headers: Headers, https: boolean) {
  expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(headers.get("content-security-policy")).not.toContain("unsafe-inline' 'strict");
  expect(headers.get("permissions-policy")).toContain("camera=()");
  expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  if (https) expect(headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  else expect(headers.get("strict-transport-security")).toBeNull();
}

let routes: ApiRoute[];
beforeAll(async () => {
  routes = await listApiRoutes();
});

describe("security headers", () => {
  it.each([false, true])("answers the API addresses it sees with a no-document CSP and the common headers (https %s)", (https) => {
    settings.NEXTAUTH_URL = https ? "https://sync.example.com" : ORIGIN;
    for (const target of ["/api/auth/session", "/api/auth/csrf", "/api/jobs/a%20b", "/api/jobs/%zz"]) {
      const headers = call(target, { headers: { cookie: SESSION } }).headers;
      expect(headers.get("content-security-policy"), target).toBe("default-src 'none'; frame-ancestors 'none'");
      expectCommonHeaders(headers, https);
    }
  });

  it("gives each page a fresh nonce, in the answer's CSP and in the request headers Next renders with", () => {
    settings.NEXTAUTH_URL = ORIGIN;
    const first = call("/jobs", { headers: { cookie: SESSION } });
    const second = call("/jobs", { headers: { cookie: SESSION } });
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expectCommonHeaders(first.headers, false);
  });

  it("sets them on the login page, the redirect to it and refusals too", () => {
    for (const res of [call("/login"), call("/jobs"), call("/jobs/%zz"), call("/api/jobs/%zz")]) expectCommonHeaders(res.headers, false);
  });
});

describe("what it sees", () => {
  it("takes pages, next-auth's endpoints and API addresses with a percent-escape", () => {
    for (const target of ["/", "/jobs", "/jobs/%zz", "/login?callbackUrl=x", "/api/auth/session", "/api/auth/callback/credentials", "/api/jobs/%zz", "/api/jobs/a%20b/retry", "/api/users/%ED%A0%80"])
      expect(proxyMatches(target), target).toBe(true);
  });

  it("leaves every other API route to its own guard, and built files alone", () => {
    expect(routes.length).toBeGreaterThan(15);
    const others = routes.filter((r) => !r.pattern.startsWith("/api/auth/")).map(addressOf);
    for (const target of [...others, "/api/jobs?user=%00", "/api/unknown", "/_next/static/chunks/a.js", "/favicon.ico", "/icon.svg"])
      expect(proxyMatches(target), target).toBe(false);
  });
});

describe("refusals before Next decodes the address", () => {
  it.each(["/api/jobs/%", "/api/jobs/%zz", "/api/jobs/%ED%A0%80", "/api/jobs/%zz/retry", "/api/users/%zz", "/api/jobs?user=%00", "/api/auth/session?x=%"])(
    "%s answers 400 in the error shape, without a session",
    async (target) => {
      const res = call(target, { method: target.startsWith("/api/users") ? "PATCH" : "GET" });
      expect(res.status).toBe(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toMatchObject({ error: { code: "bad_request", key: expect.stringMatching(/^errors\.request\./), message: expect.any(String) } });
    },
  );

  it("answers a page with bad encoding with a 400 page", async () => {
    const res = call("/jobs/%zz", { headers: { cookie: SESSION } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain("<h1>Bad request</h1>");
    expect(page).toContain("The address holds a malformed percent-escape or bytes that are not UTF-8.");
  });

  it.each([
    ["the language chosen in the app", { cookie: `${SESSION}; NEXT_LOCALE=zh-CN`, "accept-language": "en" }],
    ["the browser's language", { cookie: SESSION, "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" }],
  ])("writes the 400 page in %s", async (_, headers) => {
    const page = await call("/jobs/%zz", { headers }).text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain("<h1>请求有误</h1>");
    expect(page).toContain("地址中含有格式错误的百分号转义");
  });

  it("refuses a Content-Length no route takes (413) at once", async () => {
    const res = call("/api/jobs", { method: "POST", headers: { "content-length": String(9 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: {
        code: "payload_too_large",
        key: "errors.request.bodyTooLargeAny",
        params: { limit: 8 * 1024 * 1024 },
        message: "The request body is larger than 8,388,608 bytes, the most any route takes.",
      },
    });
  });
});

describe("callback-url cookie", () => {
  it.each(["x", "javascript%3Aalert(1)", "http%3A%2F%2Fa%3Ab", "https%3A%2F%2Fevil.example%2F", "%zz"])(
    "drops next-auth.callback-url=%s before next-auth reads it, keeping the session",
    (value) => {
      for (const name of ["next-auth.callback-url", "__Secure-next-auth.callback-url"]) {
        const res = call("/api/jobs/stats", { headers: { cookie: `${SESSION}; ${name}=${value}` } });
        expect(res.headers.get("x-middleware-request-cookie")).toBe(SESSION);
      }
    },
  );

  it("keeps a callback-url cookie of this app", () => {
    const cookie = `${SESSION}; next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2Fjobs`;
    expect(call("/jobs", { headers: { cookie } }).headers.get("x-middleware-request-cookie")).toBe(cookie);
  });
});

describe("public probes", () => {
  it.each(["/api/health", "/api/ready"])("%s goes on to its route without a session, never to /login", (target) => {
    const res = call(target);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.get("location")).toBeNull();
  });
});
