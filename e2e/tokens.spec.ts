import { expect, request, test } from "@playwright/test";
import { signIn } from "./support";

// A personal API token from the settings page, used the way a pipeline uses it: no cookie, no Origin, only the token.

const job = {
  sourceRegion: "cn-north-4",
  sourceNamespace: "team-a",
  sourceRepository: "redis",
  targetRegion: "cn-south-1",
  targetNamespace: "team-a",
  tags: ["7.2.4"],
  override: false,
};

test("an operator creates a token, sees it once, starts a job with it, revokes it, and it is refused", async ({ page, baseURL }) => {
  await signIn(page, "operator", "/");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  const name = `e2e pipeline ${Date.now()}`;
  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Expires after").selectOption({ label: "7 days" });
  // Roles above the person's own are not offered.
  await expect(form.getByLabel("Role").getByRole("option")).toHaveText(["viewer", "operator"]);
  await form.getByLabel("Role").selectOption({ label: "operator" });
  await form.getByRole("button", { name: "Create token" }).click();

  await expect(page.getByText("you will not see it again")).toBeVisible();
  const secret = await page.getByRole("textbox", { name: "New token" }).inputValue();
  expect(secret).toMatch(/^swrs_[0-9a-f]{8}_/);
  await expect(page.getByRole("button", { name: "Copy the token" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(secret.slice(0, 13));
  await expect(row).toContainText("Never");

  // Seen once: after the page is left and reloaded, the text is nowhere on it.
  await page.getByRole("button", { name: "I have saved it" }).click();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  expect(await page.content()).not.toContain(secret.slice(14));

  const pipeline = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  try {
    const created = await pipeline.post("/api/jobs", { data: job, headers: { "Idempotency-Key": `e2e-token-${Date.now()}` } });
    expect(created.status(), await created.text()).toBe(201);
    const { job: started } = (await created.json()) as { job: { id: string; createdBy: { email: string } } };
    expect(started.createdBy.email).toBe("operator@example.com");
    expect((await pipeline.get(`/api/jobs/${started.id}`)).status()).toBe(200);

    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(name) })).not.toContainText("Never");
    await page.getByRole("button", { name: `Revoke token ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke the token “${name}”?` });
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByText(`Token “${name}” revoked.`)).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);

    const refused = await pipeline.get(`/api/jobs/${started.id}`);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });
  } finally {
    await pipeline.dispose();
  }
});
