import { NO_STORE } from "@/test/api-headers";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { actAs, APP_ORIGIN, callRoute } from "@/test/api-routes";
import { isOwnOrigin, publicRoute, route } from "./handler";

vi.mock("@/lib/auth/session-cookie");
const settings = { NEXTAUTH_URL: APP_ORIGIN, LOG_LEVEL: "silent", LOG_FORMAT: "json" };
vi.mock("@/lib/env", () => ({ env: () => settings }));

// The guard: bounded bodies, control characters refused by field, every answer no-store with the API's security
// headers (API requests do not pass through proxy.ts).

const echo = route(
  { role: "viewer", query: z.object({ q: z.string().max(10).optional() }), body: z.object({ name: z.string().max(100) }) },
  async ({ body }) => Response.json({ name: body.name }),
);
const read = route({ role: "viewer", query: z.object({ q: z.string().max(10).optional() }) }, async () => Response.json({ ok: true }));

const viewer = { id: "u1", email: "v@example.com", name: null, role: "viewer" as const };

describe("route()", () => {
  it.each([
    ["a success", () => callRoute(read, "/api/x"), 200],
    ["a validation error", () => callRoute(read, "/api/x?q=12345678901"), 400],
    ["a malformed escape", () => callRoute(read, "/api/x/%zz"), 400],
  ])("answers %s with Cache-Control: no-store", async (_, call, status) => {
    actAs(viewer);
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.headers.get("cache-control")).toMatch(NO_STORE);
  });

  it.each([false, true])("sets the API's security headers on every answer, HSTS only over https (https %s)", async (https) => {
    settings.NEXTAUTH_URL = https ? "https://sync.example.com" : APP_ORIGIN;
    vi.stubEnv("NEXTAUTH_URL", settings.NEXTAUTH_URL);
    try {
      const answers = [];
      actAs(viewer);
      answers.push(await callRoute(read, "/api/x"), await callRoute(read, "/api/x?q=12345678901"));
      actAs(null);
      answers.push(await callRoute(read, "/api/x"));
      answers.push(await publicRoute(async () => Response.json({ ok: true }))(new Request(`${APP_ORIGIN}/api/health`)));
      answers.push(await publicRoute(async () => Response.json({ ok: true }))(new Request(`${APP_ORIGIN}/api/health/%zz`)));
      expect(answers.map((r) => r.status)).toEqual([200, 400, 401, 200, 400]);
      for (const res of answers) {
        expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers.get("x-frame-options")).toBe("DENY");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(res.headers.get("permissions-policy")).toContain("camera=()");
        expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
        expect(res.headers.get("cache-control")).toMatch(NO_STORE);
        if (https) expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
        else expect(res.headers.get("strict-transport-security")).toBeNull();
      }
    } finally {
      settings.NEXTAUTH_URL = APP_ORIGIN;
      vi.unstubAllEnvs();
    }
  });

  it("answers 401 with no-store too", async () => {
    actAs(null);
    const res = await callRoute(read, "/api/x");
    expect([res.status, res.headers.get("cache-control")]).toEqual([401, expect.stringMatching(NO_STORE)]);
  });

  it.each([
    [{ name: "a\u0000b" }, "name"],
    [{ name: "ok", extra: ["\u0007"] }, "extra.0"],
  ])("refuses control characters in %j, naming the field", async (body, field) => {
    actAs(viewer);
    const res = await callRoute(echo, "/api/x", { body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, unknown> } }).error.fields).toHaveProperty([field]);
  });

  it("refuses a body over 1 MiB while reading it (413), declared or not", async () => {
    actAs(viewer);
    const big = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) });
    for (const headers of [{}, { "content-length": String(big.length) }] as Record<string, string>[]) {
      const res = await callRoute(echo, "/api/x", { body: big, headers });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
    }
  });

  it("refuses a body that is not UTF-8", async () => {
    actAs(viewer);
    const request = new Request(`${APP_ORIGIN}/api/x`, {
      method: "POST",
      headers: { origin: APP_ORIGIN, "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    });
    const res = await echo(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
  });

  it.each([
    ["the configured origin", APP_ORIGIN, APP_ORIGIN, 200],
    ["another loopback name of it", APP_ORIGIN, "http://127.0.0.1:3000", 200],
    ["IPv6 loopback", APP_ORIGIN, "http://[::1]:3000", 200],
    ["another port on the same machine", APP_ORIGIN, "http://127.0.0.1:3001", 403],
    ["another scheme", APP_ORIGIN, "https://localhost:3000", 403],
    ["a name that only starts like it", APP_ORIGIN, "http://localhost.evil.example:3000", 403],
    ["a loopback origin at a public app", "https://sync.example.com", "https://localhost", 403],
    ["a public origin at a loopback app", APP_ORIGIN, "https://sync.example.com", 403],
    ["no origin", APP_ORIGIN, null, 403],
  ])("takes a mutation from %s: %s ← %s answers %i", async (_, configured, origin, status) => {
    settings.NEXTAUTH_URL = configured;
    try {
      actAs(viewer);
      const request = new Request(`${APP_ORIGIN}/api/x`, {
        method: "POST",
        headers: { ...(origin && { origin }), "content-type": "application/json" },
        body: JSON.stringify({ name: "n" }),
      });
      const res = await echo(request, { params: Promise.resolve({}) });
      expect(res.status).toBe(status);
      if (status === 403) expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    } finally {
      settings.NEXTAUTH_URL = APP_ORIGIN;
    }
  });

  it("never takes an origin it cannot parse", () => {
    expect(isOwnOrigin("null", APP_ORIGIN)).toBe(false);
    expect(isOwnOrigin("http://localhost:3000", "not a url")).toBe(false);
  });
});
