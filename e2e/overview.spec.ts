import { expect, test } from "@playwright/test";
import { demoUser, SIM_URL, signIn } from "./support";

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/);
  await expect(page.getByRole("heading", { name: "Sign in to SWR Sync" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoUser("operator").email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The email or password is wrong, or the account is disabled.",
  );
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failed sign-ins for one account are slowed down, and the form says for how long", async ({ page }) => {
  // Unknown accounts are throttled exactly like known ones; a fresh one keeps the demo users untouched.
  const email = `nobody-${Date.now()}@example.com`;
  await page.goto("/login");
  const alert = page.getByRole("main").getByRole("alert");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("The email or password is wrong, or the account is disabled.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("guess-5");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(/^Too many failed sign-ins\. Try again in 1[0-5] seconds\.$/);
});

test("after sign-in the overview shows the simulator and the namespaces of the default region", async ({ page }) => {
  await signIn(page, "operator");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  const connection = page.getByRole("region", { name: "SWR connection" });
  await expect(connection).toContainText("SWR simulator (demo and test backend)");
  await expect(connection).toContainText(`${SIM_URL}/cn-north-4`);
  const namespaces = page.getByRole("table", { name: "Namespaces in cn-north-4" });
  await expect(namespaces.getByRole("rowheader", { name: "team-a", exact: true })).toBeVisible();
  await expect(namespaces.getByRole("rowheader", { name: "team-b", exact: true })).toBeVisible();
  await expect(page.getByText("Signed in as operator@example.com (operator)")).toBeVisible();
});

test("the language can be switched to Simplified Chinese and back", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "概览", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "cn-north-4 的组织" })).toBeVisible();
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
});

test("SWR being down is reported in words, not as a crash", async ({ page, request }) => {
  await request.put(`${SIM_URL}/__sim/faults`, {
    data: { rules: [{ kind: "error", region: "cn-north-4", status: 500 }] },
  });
  await signIn(page, "viewer");
  await expect(page.getByRole("region", { name: "SWR connection" }).getByRole("alert")).toContainText(
    "SWR could not be reached",
  );
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
