import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Cookie, type Page } from "@playwright/test";
import { NGINX_ROUTE } from "@/test/fixtures";
import { apiClient, sameOrigin } from "./api-session";
import { appPagePaths, zhTranslator } from "./support";

// axe-core's WCAG 2.1 A and AA rules over every page of the app (listed from app/), in the light and the dark theme
// and in Simplified Chinese, signed in as an admin (who sees every control), plus a job page with tags and the states
// a page only reaches through its controls: the sync panel with a target chosen, a comparison's results, the
// overview's tables, a confirmation dialog.

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

test.describe("in Simplified Chinese", () => {
  test.use({ locale: "zh-CN" });
  const zh = zhTranslator();

  for (const p of [...appPagePaths(), "a job with tags"]) {
    test(p, async ({ page }) => {
      await page.context().addCookies(adminCookies);
      await page.goto(p === "a job with tags" ? jobPath : p);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("button", { name: zh("nav.signOut") }).or(page.getByRole("button", { name: zh("login.submit") }))).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await violations(page)).toEqual([]);
    });
  }
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

    test("the sync panel, a comparison, the overview's tables and a confirmation dialog", async ({ page }) => {
      test.setTimeout(120_000);
      await page.context().addCookies(adminCookies);
      await page.goto("/repositories/cn-north-4/team-a/nginx");
      await page.getByRole("checkbox", { name: "Select tag 1.25.4" }).check();
      await page.getByRole("button", { name: "Sync 1 tag" }).click();
      const panel = page.getByRole("dialog");
      await panel.getByRole("combobox", { name: "Target region" }).selectOption("ap-southeast-1");
      await expect(panel.getByText("team-a exists in ap-southeast-1.")).toBeVisible();
      expect(await violations(page), "sync panel").toEqual([]);
      await page.keyboard.press("Escape");

      await page.goto("/compare");
      const form = page.getByRole("form", { name: "What to compare" });
      await form.getByRole("combobox", { name: "Source region" }).selectOption("cn-north-4");
      await form.getByRole("combobox", { name: "Source namespace" }).fill("team-a");
      await form.getByRole("combobox", { name: "Target 1 region" }).selectOption("ap-southeast-1");
      await form.getByRole("button", { name: "Compare" }).click();
      await expect(page.getByRole("table", { name: "Totals per target" })).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await violations(page), "comparison").toEqual([]);

      await page.goto("/");
      const showTable = page.getByRole("button", { name: "Show as table" });
      await expect(showTable.first()).toBeVisible();
      // Each button turns into "Hide table" once clicked.
      for (let shown = 0; shown < 5 && (await showTable.count()) > 0; shown++) await showTable.first().click();
      await expect(page.getByRole("button", { name: "Hide table" }).first()).toBeVisible();
      expect(await violations(page), "overview tables").toEqual([]);

      await page.goto("/admin/users");
      await page.getByRole("button", { name: "End sessions of viewer@example.com" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      expect(await violations(page), "confirmation").toEqual([]);
    });
  });
}
