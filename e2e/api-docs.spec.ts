import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { signIn } from "./support";

test("a signed-in viewer finds an operation in the API reference and its document", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();

  await page
    .getByRole("navigation", { name: "Operations" })
    .getByRole("link", { name: "POST Start a sync job" })
    .click();
  const start = page.getByRole("article", { name: "Start a sync job" });
  await expect(start.getByRole("heading", { level: 3, name: "Start a sync job" })).toBeInViewport();
  await expect(start).toContainText("POST /api/jobs");
  await expect(start).toContainText("Role needed: operator");
  await expect(start.getByRole("heading", { name: "Request body" })).toBeVisible();
  await expect(start.getByRole("figure").filter({ hasText: "Two tags by name" })).toContainText('"tags": [');

  // The body's schema is a link to its entry under Schemas.
  await start.getByRole("link", { name: "CreateJobRequest" }).click();
  await expect(
    page
      .getByRole("region", { name: "CreateJobRequest" })
      .getByRole("table", { name: "Properties of CreateJobRequest, form 2 of 2", exact: true }),
  ).toContainText("sourceRepository");
  // The other form: many repositories to several targets.
  await expect(
    page
      .getByRole("region", { name: "CreateJobRequest" })
      .getByRole("table", { name: "Properties of CreateJobRequest, form 1 of 2", exact: true }),
  ).toContainText("repositories");

  const document = await page.request.get("/api/openapi.json");
  expect(document.status()).toBe(200);
  const body = (await document.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { summary: string }>>;
  };
  expect(body.openapi).toMatch(/^3\.1\./);
  expect(body.paths["/api/jobs"]?.post?.summary).toBe("Start a sync job");
});

test("the page needs a session; the document does not", async ({ page, playwright, baseURL }) => {
  await page.goto("/api-docs");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fapi-docs$/);
  const anonymous = await playwright.request.newContext({ baseURL });
  const document = await anonymous.get("/api/openapi.json");
  expect(document.status()).toBe(200);
  const text = await document.text();
  for (const user of DEMO_USERS) expect(text).not.toContain(user.password);
  await anonymous.dispose();
});
