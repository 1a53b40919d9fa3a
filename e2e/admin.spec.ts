import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// User management. Each test leaves the demo users as it found them: other specs sign in as them.

test("an admin changes a user's role and back", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  const role = page.getByRole("combobox", { name: "Role of viewer@example.com" });
  await expect(role).toHaveValue("viewer");
  await role.selectOption("operator");
  await expect(page.getByText("viewer@example.com is now operator.")).toBeVisible();

  await page.reload();
  await expect(role).toHaveValue("operator");
  await role.selectOption("viewer");
  await expect(page.getByText("viewer@example.com is now viewer.")).toBeVisible();
  await expect(role).toHaveValue("viewer");
});

test("an admin cannot demote themself, and reads why in their language", async ({ page, context, baseURL }) => {
  await signIn(page, "admin");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await page.goto("/admin/users");
  const role = page.getByRole("combobox", { name: "admin@example.com 的角色" });
  await role.selectOption("operator");
  const refusal = "你不能降低自己的角色；请让另一位管理员来修改。";
  await expect(page.getByRole("status").getByText(`未能修改 admin@example.com：${refusal}`)).toBeVisible();
  await expect(page.getByRole("row", { name: /admin@example\.com/ }).getByRole("alert")).toHaveText(refusal);
  await expect(role).toHaveValue("admin");
});

test("an admin disables a user, who then cannot sign in, and enables them again", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin", "/admin/users");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "viewer@example.com" }) });

  await page.getByRole("button", { name: "Disable viewer@example.com" }).click();
  await expect(page.getByText("viewer@example.com is disabled and can no longer sign in.")).toBeVisible();
  await expect(row).toContainText("Disabled");

  const viewer = await browser.newPage();
  await viewer.goto("/login");
  await viewer.getByLabel("Email").fill("viewer@example.com");
  await viewer.getByLabel("Password").fill("demo-viewer-pass");
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer.getByRole("main").getByRole("alert")).toHaveText(
    "The email or password is wrong, or the account is disabled.",
  );
  await viewer.close();

  await page.getByRole("button", { name: "Enable viewer@example.com" }).click();
  await expect(page.getByText("viewer@example.com is enabled and can sign in again.")).toBeVisible();
  await expect(row).toContainText("Active");
  await expect(page.getByRole("button", { name: "Disable viewer@example.com" })).toBeVisible();
});

test("an admin ends all sessions of a user, who is signed out at their next request", async ({ page, browser }) => {
  const viewer = await browser.newPage();
  await signIn(viewer, "viewer");

  await signIn(page, "admin", "/admin/users");
  await page.getByRole("button", { name: "End sessions of viewer@example.com" }).click();
  const dialog = page.getByRole("dialog", { name: "End all sessions of viewer@example.com?" });
  await expect(dialog).toContainText("signed out on every device");
  await dialog.getByRole("button", { name: "End sessions" }).click();
  await expect(page.getByText(/^viewer@example\.com: \d+ sessions? ended\.$/)).toBeVisible();
  await expect(dialog).toBeHidden();

  await viewer.reload();
  await expect(viewer).toHaveURL(/\/login/);
  expect((await viewer.request.get("/api/jobs/stats")).status()).toBe(401);
  await viewer.close();
});

test("an admin cannot demote themself, and is told why", async ({ page }) => {
  await signIn(page, "admin", "/admin/users");
  const role = page.getByRole("combobox", { name: "Role of admin@example.com" });
  await role.selectOption("viewer");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: /^admin@example\.com/ }) });
  await expect(row.getByRole("alert")).toHaveText(
    "You cannot demote yourself; ask another admin to change your role.",
  );
  await expect(role).toHaveValue("admin");
});

for (const [who, role] of [
  ["an operator", "operator"],
  ["a viewer", "viewer"],
] as const) {
  test(`${who} is refused at the users page and sees no link to it`, async ({ page }) => {
    await signIn(page, role);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
    ).toHaveCount(0);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: /^Role of/ })).toHaveCount(0);
  });
}

test("an admin reads the audit log and filters it", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(log.getByRole("row").filter({ hasText: "admin@example.com" }).filter({ hasText: "signed in" }).first()).toBeVisible();

  await page.getByRole("combobox", { name: "Action" }).selectOption("sign_in");
  await page.getByRole("combobox", { name: "Outcome" }).selectOption("success");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=sign_in/);
  const events = log.getByRole("row").filter({ has: page.getByRole("cell") });
  const count = await events.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(events.nth(i).getByRole("cell").nth(2)).toHaveText("signed in");
});

test("the audit log is for admins only, in the page and in the API", async ({ page }) => {
  await signIn(page, "operator");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit log" })).toHaveCount(0);
  const response = await page.request.get("/api/audit");
  expect(response.status()).toBe(403);
  expect((await response.json()) as unknown).toMatchObject({ error: { code: "forbidden" } });
});
