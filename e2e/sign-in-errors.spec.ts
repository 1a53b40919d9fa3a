import { expect, test } from "@playwright/test";

// A sign-in flow that fails inside next-auth ends on our sign-in page, which says why in the reader's language
// (next-auth's own /api/auth/error page is English only).

test.describe("sign-in errors", () => {

  test("/api/auth/error?error=Configuration leads to the sign-in page, saying so in English", async ({ page }) => {
    await page.goto("/api/auth/error?error=Configuration");
    await expect(page).toHaveURL(/\/login\?error=Configuration$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to SWR Sync" })).toBeVisible();
    await expect(page.getByRole("form").getByRole("alert")).toHaveText(
      "Sign-in is not set up correctly on this server. Ask an administrator to check its configuration; the server log says more.",
    );
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });

  test("… and in Chinese for a reader who chose it; an unknown error reads as a failed sign-in", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await page.goto("/api/auth/error?error=Configuration");
    await expect(page).toHaveURL(/\/login\?error=Configuration$/);
    await expect(page.getByRole("form").getByRole("alert")).toHaveText("此服务器的登录配置有误。请管理员检查其配置；服务器日志中有详细信息。");
    await expect(page.locator("body")).not.toContainText(/Configuration|server configuration/i);

    await page.goto("/api/auth/error?error=Nonsense");
    await expect(page).toHaveURL(/\/login\?error=Nonsense$/);
    await expect(page.getByRole("form").getByRole("alert")).toHaveText("登录失败，请稍后重试。");
  });
});
