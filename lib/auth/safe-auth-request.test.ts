import { beforeAll, describe, expect, it, vi } from "vitest";
import { setUpApiTests } from "@/test/api-routes";
import { listApiRoutes, serve, type ApiRoute } from "@/test/http-pipeline";

// next-auth's real route handler behind proxy.ts, as `next start` serves it: bad callback URLs never make it answer 500.

setUpApiTests();

let auth: ApiRoute;
beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-of-at-least-32-characters!");
  auth = (await listApiRoutes()).find((r) => r.pattern === "/api/auth/[...nextauth]")!;
});

const BAD = ["x", "javascript:alert(1)", "http://a:b", "https://evil.example/", "//evil.example"];

describe("next-auth endpoints", () => {
  it.each(BAD.flatMap((url) => ["session", "csrf", "providers", "signin", "signout", "error"].map((action) => [action, url])))(
    "GET /api/auth/%s?callbackUrl=%s answers below 500",
    async (action, url) => {
      const { response } = await serve(auth, { method: "GET", target: `/api/auth/${action}?callbackUrl=${encodeURIComponent(url)}` });
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("location") ?? "/").not.toContain("evil");
    },
  );

  it.each(BAD.flatMap((url) => ["next-auth.callback-url", "__Secure-next-auth.callback-url"].map((name) => [name, url])))(
    "a %s=%s cookie is dropped before next-auth reads it",
    async (name, url) => {
      const { response } = await serve(auth, { method: "GET", target: "/api/auth/session", headers: { cookie: `${name}=${encodeURIComponent(url)}` } });
      expect(response.status).toBe(200);
    },
  );

  it.each(BAD)("a sign-out form with callbackUrl=%s sends the browser home", async (url) => {
    const csrf = await serve(auth, { method: "GET", target: "/api/auth/csrf" });
    const { csrfToken } = (await csrf.response.json()) as { csrfToken: string };
    const cookie = csrf.response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const form = new URLSearchParams({ csrfToken, callbackUrl: url, json: "true" }).toString();
    const { response } = await serve(auth, {
      method: "POST",
      target: "/api/auth/signout",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
      body: () => form,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: "http://localhost:3000/" });
  });

  it.each([
    ["GET", "/api/auth/nope", 404],
    ["GET", "/api/auth/callback/credentials", 404],
    ["POST", "/api/auth/_log", 415],
  ] as const)("%s %s answers %d in the error shape", async (method, target, status) => {
    const { response } = await serve(auth, { method, target, headers: { "content-type": "application/json" }, body: method === "POST" ? () => "{" : undefined });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String) as string } });
  });
});
