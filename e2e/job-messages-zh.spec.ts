import { expect, test, type Page } from "@playwright/test";
import { SIM_URL, signIn, zhTranslator } from "./support";

// The jobs, compare and rules features' own refusals reach a Chinese reader in Chinese: a comparison the URL cannot
// make (checked in the browser with the API's schema) and a rule the server refuses (its answer's key and parameters).


async function inChinese(page: Page, role: "viewer" | "admin") {
  await signIn(page, role);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL(page.url()).origin }]);
}

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("a comparison with the source as its target says why in Chinese", async ({ page }) => {
  const zh = zhTranslator();
  await inChinese(page, "viewer");
  await page.goto("/compare?region=cn-north-4&namespace=team-a&target=cn-north-4");
  const form = page.getByRole("form", { name: zh("compare.formLabel") });
  await expect(form.getByText(zh("compare.problem_targetIsSource", { target: "cn-north-4/team-a" }))).toBeVisible();
});

test("a rule that already exists is refused in Chinese, with the names as the server sent them", async ({ page }) => {
  const zh = zhTranslator();
  await inChinese(page, "admin");
  const origin = new URL(page.url()).origin;
  const rule = { region: "cn-north-4", namespace: "team-a", repository: "nginx", targetRegion: "cn-east-3", targetNamespace: "team-a" };
  const first = await page.request.post("/api/rules", {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: { ...rule, override: false, backfill: false },
  });
  expect(first.status(), await first.text()).toBe(201);

  await page.goto("/repositories/cn-north-4/team-a/nginx");
  await page.getByRole("region", { name: zh("rules.title") }).getByRole("button", { name: zh("rules.create") }).click();
  const dialog = page.getByRole("dialog", { name: zh("rules.createTitle", { name: "team-a/nginx" }) });
  await dialog.getByRole("combobox", { name: zh("rules.targetRegion") }).selectOption("cn-east-3");
  await dialog.getByRole("checkbox", { name: zh("rules.backfill") }).uncheck();
  await dialog.getByRole("button", { name: zh("rules.createSubmit") }).click();

  const refusal = zh("jobErrors.rules.exists", { repository: "team-a/nginx", region: "cn-north-4", targetNamespace: "team-a", targetRegion: "cn-east-3" });
  await expect(dialog.getByRole("alert")).toContainText(refusal);
});

test("a repository list SWR fails to give is explained in Chinese, SWR's reason included", async ({ page, request }) => {
  const zh = zhTranslator();
  await inChinese(page, "viewer");
  await request.put(`${SIM_URL}/__sim/faults`, { data: { rules: [{ kind: "error", region: "cn-north-4", status: 500 }] } });
  await page.goto("/repositories?region=cn-north-4&namespace=team-a");
  const alert = page.getByRole("alert").filter({ hasText: zh("repositories.loadFailed", { region: "cn-north-4" }) });
  await expect(alert).toContainText(zh("swrErrors.internal", { service: "SWR", region: "cn-north-4" }));
});
