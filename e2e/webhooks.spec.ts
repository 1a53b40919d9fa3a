import { expect, test } from "@playwright/test";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { signIn } from "./support";

// An admin adds a webhook pointing at a receiver on this machine, sends a test and sees it delivered, signed, in the
// webhook's language.

const SECRET = "an-e2e-webhook-secret";
let receiver: WebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret: SECRET });
});

test.afterAll(async () => {
  await receiver.close();
});

test("an admin adds a webhook, sends a test and sees it delivered in the log", async ({ page }) => {
  const name = `Receiver ${Date.now()}`;
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

  await page.getByRole("button", { name: "Add webhook" }).click();
  const form = page.getByRole("dialog", { name: "Add a webhook" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("URL").fill("ftp://example.com/hook");
  await form.getByLabel("Secret").fill(SECRET);
  await expect(form.getByLabel("Language")).toHaveValue("en");
  await form.getByLabel("Language").selectOption({ label: "Chinese (Simplified)" });
  await form.getByRole("checkbox", { name: "Job cancelled" }).check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText(/must start with https:\/\/ or http:\/\//)).toBeVisible();

  await form.getByLabel("URL").fill(receiver.url);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Webhook ${name} added.`)).toBeVisible();

  const card = page.getByRole("region", { name });
  await expect(card).toContainText("Set (hidden)");
  await expect(card).toContainText("Chinese (Simplified)");
  await expect(card).not.toContainText(SECRET);
  await card.getByRole("button", { name: `Send a test to webhook ${name}` }).click();
  const log = card.getByRole("table", { name: `Delivery log of webhook ${name}` });
  await expect(log.getByRole("row").filter({ hasText: "Test" })).toContainText("Delivered", { timeout: 15_000 });
  await expect(log).toContainText("200");

  const [request] = await receiver.waitFor(1);
  expect(request!.verified).toBe(true);
  expect(JSON.parse(request!.body)).toMatchObject({ event: "test", webhook: { name }, message: "这是一条来自 SWR Sync 的测试消息：Webhook 已设置好。" });

  // Leave nothing behind for other specs.
  await card.getByRole("button", { name: `Delete webhook ${name}` }).click();
  await page.getByRole("dialog", { name: `Delete webhook ${name}?` }).getByRole("button", { name: "Delete webhook" }).click();
  await expect(page.getByText(`Webhook ${name} deleted.`)).toBeVisible();
  await expect(card).toHaveCount(0);
});

test("the server's refusals read in the admin's language", async ({ page, context, baseURL }) => {
  await signIn(page, "admin");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhook" })).toBeVisible();

  await page.getByRole("button", { name: "添加 Webhook" }).click();
  const form = page.getByRole("dialog", { name: "添加 Webhook" });
  await expect(form.getByLabel("语言")).toHaveValue("en");
  await expect(form.getByLabel("语言").getByRole("option", { name: "简体中文" })).toHaveCount(1);
  await form.getByLabel("名称").fill("   ");
  await form.getByLabel("URL").fill("ftp://example.com/hook");
  await form.getByRole("button", { name: "保存" }).click();
  // Checked by the schema (a blank name) and, once the body is valid, by the URL guard on the server.
  await expect(form.getByText("请为 webhook 命名。")).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: "请求体无效。" })).toBeVisible();

  await form.getByLabel("名称").fill(`Refused ${Date.now()}`);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("webhook URL 必须以 https:// 或 http:// 开头，而不是 ftp://。")).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: "无法使用此 webhook URL。" })).toBeVisible();
});
