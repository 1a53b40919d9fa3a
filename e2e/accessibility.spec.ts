import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Cookie, type Page } from "@playwright/test";
import { NGINX_ROUTE } from "@/test/fixtures";
import { apiClient, sameOrigin } from "./api-session";
import { appPagePaths } from "./support";

// axe-core's WCAG 2.1 A and AA rules over every page of the app (listed from app/), in the light and the dark theme,
// signed in as an admin (who sees every control), plus a job page with tags.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? v.help}`));
}

let adminCookies: Cookie[] = [];
let jobPath = "";
test.beforeAll(async ({ baseURL }) => {
  const admin = await apiClient(baseURL!, "admin");
  adminCookies = (await admin.storageState()).cookies;
  const started = await admin.post("/api/jobs", {
    headers: sameOrigin(baseURL!),
    data: { ...NGINX_ROUTE, tags: ["1.25.3", "1.25.4"], override: true },
  });
  expect([200, 201], await started.text()).toContain(started.status());
  jobPath = `/jobs/${((await started.json()) as { job: { id: string } }).job.id}`;
  await admin.dispose();
});

for (const theme of ["light", "dark"] as const) {
  test.describe(`in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const p of [...appPagePaths(), "a job with tags"]) {
      test(p, async ({ page }) => {
        await page.context().addCookies(adminCookies);
        await page.goto(p === "a job with tags" ? jobPath : p);
        await expect(page.getByRole("button", { name: "Sign out" }).or(page.getByRole("button", { name: "Sign in" }))).toBeVisible();
        await page.waitForLoadState("networkidle");
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}
