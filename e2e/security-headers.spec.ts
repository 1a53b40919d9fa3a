import { expect, test, type Cookie, type Page } from "@playwright/test";
import { NO_STORE } from "@/test/api-headers";
import { apiClient } from "./api-session";
import { appPagePaths, signIn } from "./support";

// Every page, as the production build serves it: a nonce CSP with no unsafe-inline scripts, the other security
// headers, and no script blocked by the policy (the page still hydrates). Pages are listed from app/ on disk.

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], where).toBe("same-origin");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  return csp;
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const PAGE_PATHS = appPagePaths();

// One test per page, so each page has the whole test budget however slow the machine; the admin's session is made
// once over HTTP and handed to each test's browser context.
test.describe("every page carries a nonce CSP and runs under it", () => {
  let adminCookies: Cookie[] = [];
  test.beforeAll(async ({ baseURL }) => {
    const admin = await apiClient(baseURL!, "admin");
    adminCookies = (await admin.storageState()).cookies;
    await admin.dispose();
  });

  test("the pages are listed from app/", () => {
    expect(PAGE_PATHS).toContain("/jobs");
    expect(PAGE_PATHS).toContain("/login");
  });

  for (const p of PAGE_PATHS) {
    test(p, async ({ page }) => {
      await page.context().addCookies(adminCookies);
      const violations = watchCspViolations(page);
      const response = await page.goto(p);
      expect(response, p).not.toBeNull();
      expect(response!.status(), p).toBeLessThan(500);
      const csp = expectSecurityHeaders(response!.headers(), p);
      expect(csp, p).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp, p).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      // Hydrated: client navigation (a script) works.
      await expect(page.getByRole("button", { name: "Sign out" }).or(page.getByRole("button", { name: "Sign in" }))).toBeVisible();
      // The page's own requests (and any client redirect) run under the policy too.
      await page.waitForLoadState("networkidle");
      expect(violations).toEqual([]);
    });
  }

  test("every answer has a nonce of its own", async ({ page }) => {
    await page.context().addCookies(adminCookies);
    const nonces = new Set<string>();
    for (const p of ["/", "/jobs", "/", "/jobs"]) {
      const csp = (await page.goto(p))!.headers()["content-security-policy"] ?? "";
      nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? "");
    }
    expect(nonces.has("")).toBe(false);
    expect(nonces.size).toBe(4);
  });
});

test("API answers carry the headers and no-store", async ({ baseURL }) => {
  const client = await apiClient(baseURL!, "admin");
  for (const p of ["/api/jobs/stats", "/api/users", "/api/openapi.json", "/api/jobs?from=0000-01-01", "/api/jobs/%zz", "/api/auth/session"]) {
    const response = await client.get(p);
    expect(response.status(), p).toBeLessThan(500);
    expect(expectSecurityHeaders(response.headers(), p), p).toContain("default-src 'none'");
    if (!p.startsWith("/api/auth")) expect(response.headers()["cache-control"], p).toMatch(NO_STORE);
  }
});

test("API answers under 1 KiB go out uncompressed, larger ones gzipped", async ({ baseURL }) => {
  const client = await apiClient(baseURL!, "viewer");
  const sizes = { small: 0, large: 0 };
  for (const p of ["/api/jobs/no-such-job", "/api/health", "/api/regions", "/api/openapi.json", "/api/jobs/stats"]) {
    const response = await client.get(p, { headers: { "Accept-Encoding": "gzip" } });
    const bytes = (await response.body()).byteLength;
    const headers = response.headers();
    if (bytes < 1024) {
      sizes.small++;
      expect(headers["content-encoding"], p).toBeUndefined();
      expect(headers["cache-control"], p).toContain("no-transform");
    } else {
      sizes.large++;
      expect(headers["content-encoding"], p).toBe("gzip");
      expect(headers["cache-control"] ?? "", p).not.toContain("no-transform");
    }
  }
  expect(sizes.small).toBeGreaterThan(0);
  expect(sizes.large).toBeGreaterThan(0);
});

test("bad addresses and callback URLs answer 400 or fall back, never 500", async ({ page, baseURL }) => {
  const anonymous = await apiClient(baseURL!, null);
  for (const p of ["/api/jobs/%", "/api/jobs/%zz/retry", "/api/jobs/%ED%A0%80", "/jobs/%zz", "/api/jobs?user=%00"]) {
    expect((await anonymous.get(p)).status(), p).toBe(400);
  }
  for (const url of ["x", "javascript:alert(1)", "http://a:b"]) {
    const response = await anonymous.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(url)}`, { maxRedirects: 0 });
    expect(response.status(), url).toBeLessThan(500);
  }
  // A bad callback-url cookie next to a valid session.
  await signIn(page, "admin");
  await page.context().addCookies([{ name: "next-auth.callback-url", value: "x", url: baseURL! }]);
  for (const p of ["/", "/jobs"]) expect((await page.goto(p))!.status(), p).toBe(200);
  for (const p of ["/api/jobs/stats", "/api/users", "/api/auth/session"]) expect((await page.request.get(p)).status(), p).toBe(200);
});
