import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listApiRoutes, type ApiRoute } from "@/test/http-pipeline";
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
  it.each([false, true])("every API route answers with a no-document CSP and the common headers (https %s)", (https) => {
    settings.NEXTAUTH_URL = https ? "https://sync.example.com" : ORIGIN;
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const headers = call(addressOf(route), { headers: { cookie: SESSION } }).headers;
      expect(headers.get("content-security-policy"), route.pattern).toBe("default-src 'none'; frame-ancestors 'none'");
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

describe("refusals before Next decodes the address", () => {
  it.each(["/api/jobs/%", "/api/jobs/%zz", "/api/jobs/%ED%A0%80", "/api/jobs/%zz/retry", "/api/users/%zz", "/api/jobs?user=%00", "/api/auth/session?x=%"])(
    "%s answers 400 in the error shape, without a session",
    async (target) => {
      const res = call(target, { method: target.startsWith("/api/users") ? "PATCH" : "GET" });
      expect(res.status).toBe(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
    },
  );

  it("answers a page with bad encoding with a 400 page", async () => {
    const res = call("/jobs/%zz", { headers: { cookie: SESSION } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("Bad request");
  });

  it("refuses a Content-Length no route takes (413) at once", async () => {
    const res = call("/api/jobs", { method: "POST", headers: { "content-length": String(9 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
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
