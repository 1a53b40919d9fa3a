import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { SIM_URL, signIn } from "./support";
import { NGINX_ROUTE } from "@/test/fixtures";

// Browse → tags → sync panel, as a person does it; the full sync story is tested in the jobs specs.

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

const tagTable = (page: Page, name: string) => page.getByRole("table", { name: `Tags of ${name}` });

test("an operator finds nginx by namespace and name, and the URL keeps the filters", async ({ page }) => {
  await signIn(page, "operator", "/repositories");
  await expect(page).toHaveURL(/\/repositories\?region=cn-north-4$/);
  await expect(page.getByRole("heading", { name: "Repositories", level: 1 })).toBeVisible();

  const filters = page.getByRole("search", { name: "Filter repositories" });
  await filters.getByRole("combobox", { name: "Namespace" }).selectOption("team-a");
  await expect(page).toHaveURL(/namespace=team-a/);
  await filters.getByRole("searchbox", { name: "Search repositories" }).fill("ngin");
  await expect(page).toHaveURL(/region=cn-north-4&namespace=team-a&q=ngin/);

  const table = page.getByRole("table", { name: "Repositories in cn-north-4" });
  await expect(table.getByRole("row")).toHaveCount(2);
  const nginx = table.getByRole("row", { name: /nginx/ });
  // An operator looking at one namespace selects repositories in the first column.
  await expect(nginx.getByRole("checkbox", { name: "Select nginx" })).not.toBeChecked();
  await expect(nginx.getByRole("cell").nth(1)).toHaveText("team-a");
  await expect(nginx.getByRole("cell").nth(2)).toHaveText("5");

  await filters.getByRole("searchbox", { name: "Search repositories" }).fill("no-such-repo");
  await expect(page.getByText("No repositories match “no-such-repo” in team-a (cn-north-4).")).toBeVisible();
  // Typing replaces the history entry, so Back leaves the whole filter session.
  await page.goBack();
  await expect(page).toHaveURL(/\/repositories\?region=cn-north-4$/);
  await expect(filters.getByRole("combobox", { name: "Namespace" })).toHaveValue("");

  await page.goto("/repositories?region=cn-north-4&namespace=team-a&q=ngin");
  await table.getByRole("link", { name: "nginx" }).click();
  await expect(page).toHaveURL(/\/repositories\/cn-north-4\/team-a\/nginx$/);
  await expect(page.getByRole("heading", { name: "nginx", level: 1 })).toBeVisible();
  await expect(page.getByText("swr.cn-north-4.myhuaweicloud.com/team-a/nginx")).toBeVisible();
});

test("the source region is remembered and shown in the URL", async ({ page }) => {
  await signIn(page, "viewer", "/repositories");
  await page.getByRole("combobox", { name: "Source region" }).selectOption("cn-east-3");
  await expect(page).toHaveURL(/region=cn-east-3/);
  await expect(page.getByRole("table", { name: "Repositories in cn-east-3" }).getByRole("link", { name: "nginx" })).toBeVisible();
  await page.goto("/repositories");
  await expect(page).toHaveURL(/region=cn-east-3/);
  await expect(page.getByRole("combobox", { name: "Source region" })).toHaveValue("cn-east-3");
});

test("repositories in a name with a slash open through the catch-all route", async ({ page }) => {
  await signIn(page, "viewer", "/repositories?region=cn-north-4&q=apps");
  await page.getByRole("link", { name: "apps/web" }).click();
  await expect(page).toHaveURL(/\/repositories\/cn-north-4\/team-a\/apps\/web$/);
  await expect(page.getByRole("heading", { name: "apps/web", level: 1 })).toBeVisible();
  await expect(tagTable(page, "team-a/apps/web").getByRole("rowheader", { name: "1.2.0" })).toBeVisible();
});

test("SWR failing is explained, and Try again recovers", async ({ page, request }) => {
  const fault = await request.put(`${SIM_URL}/__sim/faults`, {
    data: { rules: [{ kind: "error", region: "cn-north-4", operations: ["ListReposDetails"], status: 500 }] },
  });
  expect(fault.ok()).toBe(true);
  await signIn(page, "viewer", "/repositories?region=cn-north-4");
  const alert = page.getByRole("alert").filter({ hasText: "The repositories in cn-north-4 could not be loaded." });
  await expect(alert).toBeVisible();
  await request.post(`${SIM_URL}/__sim/reset`);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("table", { name: "Repositories in cn-north-4" })).toBeVisible();
});

test("an unknown repository shows the not-found page, an unknown region says so", async ({ page }) => {
  await signIn(page, "viewer", "/repositories/cn-north-4/team-a/no-such-repo");
  await expect(page.getByRole("heading", { name: "Repository not found" })).toBeVisible();
  await page.getByRole("link", { name: "All repositories" }).click();
  await expect(page.getByRole("table", { name: "Repositories in cn-north-4" })).toBeVisible();

  await page.goto("/repositories?region=xx-nowhere-1");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("“xx-nowhere-1” is not a region this app knows.");
  await page.getByRole("link", { name: "Show the repositories in cn-north-4" }).click();
  await expect(page.getByRole("table", { name: "Repositories in cn-north-4" })).toBeVisible();
});

test("an operator selects tags with click and shift-click and checks targets in the sync panel", async ({ page }) => {
  await signIn(page, "operator", "/repositories/cn-north-4/team-a/nginx?sort=name&order=asc");
  const tags = tagTable(page, "team-a/nginx");
  await expect(tags.getByRole("rowheader")).toHaveText(["1.25.3", "1.25.4", "1.26.0", "alpine", "latest"]);

  await tags.getByRole("checkbox", { name: "Select tag 1.25.3" }).click();
  await tags.getByRole("checkbox", { name: "Select tag 1.26.0" }).click({ modifiers: ["Shift"] });
  await expect(page.getByText("3 tags selected")).toBeVisible();
  for (const tag of ["1.25.3", "1.25.4", "1.26.0"]) await expect(tags.getByRole("checkbox", { name: `Select tag ${tag}` })).toBeChecked();
  await expect(tags.getByRole("checkbox", { name: "Select tag alpine" })).not.toBeChecked();
  await expect(tags.getByRole("checkbox", { name: "Select all tags on this page" })).toHaveJSProperty("indeterminate", true);

  // The selection survives sorting.
  await page.getByRole("combobox", { name: "Sort" }).selectOption({ label: "Newest first" });
  await expect(page).toHaveURL(/nginx$/);
  await expect(page.getByText("3 tags selected")).toBeVisible();

  await page.getByRole("button", { name: "Sync 3 tags" }).click();
  const dialog = page.getByRole("dialog", { name: "Sync 3 tags of team-a/nginx" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Target region" }).getByRole("option", { name: /^cn-north-4/ })).toHaveCount(0);
  await dialog.getByRole("combobox", { name: "Target region" }).selectOption("ap-southeast-1");

  const namespace = dialog.getByRole("combobox", { name: "Target namespace" });
  await namespace.fill("Team_B");
  await expect(dialog.getByText(/A namespace name has 1–64 characters/)).toBeVisible();
  await expect(namespace).toHaveAttribute("aria-invalid", "true");

  await namespace.fill("team-b");
  await expect(dialog.getByText("Namespace team-b does not exist in ap-southeast-1.", { exact: false })).toBeVisible();
  await dialog.getByRole("button", { name: /^Sync/ }).click();
  await expect(page).toHaveURL(/\/repositories\/cn-north-4\/team-a\/nginx/);
  await expect(dialog).toBeVisible();

  await namespace.fill("team-a");
  await expect(dialog.getByText("team-a exists in ap-southeast-1.")).toBeVisible();
  await expect(dialog.getByText("3 new · 0 identical (skipped) · 0 differ, kept as they are")).toBeVisible();
  await dialog.getByRole("button", { name: "New tags (3)" }).click();
  await expect(dialog.getByRole("list", { name: "New tags" }).getByRole("listitem")).toHaveText(["1.25.3", "1.25.4", "1.26.0"]);
  await expect(dialog.getByRole("button", { name: "Sync 3 tags" })).toBeEnabled();
  // Stop before submitting: starting and watching a sync is the jobs specs' story.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("the plan tells an identical tag from a differing one, and Overwrite existing tags turns kept into overwritten", async ({ page }) => {
  await signIn(page, "admin", "/repositories/cn-north-4/team-a/nginx");
  const tags = tagTable(page, "team-a/nginx");
  await tags.getByRole("checkbox", { name: "Select tag latest" }).click();
  await tags.getByRole("checkbox", { name: "Select tag 1.25.3" }).click();
  await page.getByRole("button", { name: "Sync 2 tags" }).click();
  const dialog = page.getByRole("dialog", { name: "Sync 2 tags of team-a/nginx" });
  await dialog.getByRole("combobox", { name: "Target region" }).selectOption("cn-east-3");
  await expect(dialog.getByText("0 new · 1 identical (skipped) · 1 differs, kept as it is")).toBeVisible();
  await dialog.getByRole("button", { name: "Identical tags (skipped) (1)" }).click();
  await expect(dialog.getByRole("list", { name: "Identical tags (skipped)" }).getByRole("listitem")).toHaveText(["1.25.3"]);
  await dialog.getByRole("button", { name: "Differing tags, kept (1)" }).click();
  await expect(dialog.getByRole("list", { name: "Differing tags, kept" }).getByRole("listitem")).toHaveText(["latest"]);
  const override = dialog.getByRole("switch", { name: "Overwrite existing tags" });
  await override.click();
  await expect(override).toBeChecked();
  await expect(dialog.getByText("0 new · 1 identical (skipped) · 1 differs, will be overwritten")).toBeVisible();
  await dialog.getByRole("button", { name: "Differing tags, overwritten (1)" }).click();
  await expect(dialog.getByRole("list", { name: "Differing tags, overwritten" }).getByRole("listitem")).toHaveText(["latest"]);
});

test("the 5,000-tag repository pages, searches and selects every matching tag as a rule", async ({ page }) => {
  await signIn(page, "operator", "/repositories/cn-north-4/team-a/ci-builds");
  const tags = tagTable(page, "team-a/ci-builds");
  await expect(page.getByText("Page 1 of 50 · 5,000 tags")).toBeVisible();
  await expect(tags.getByRole("rowheader").first()).toHaveText("build-05000");

  await page.getByRole("navigation", { name: "Tag pages" }).getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(tags.getByRole("rowheader").first()).toHaveText("build-04900");

  await page.getByRole("searchbox", { name: "Search tags" }).fill("build-049");
  await expect(page.getByText("Page 1 of 1 · 100 tags")).toBeVisible();
  await page.getByRole("button", { name: "Select all 100 tags matching “build-049”" }).click();
  await expect(page.getByText("100 tags matching “build-049” selected")).toBeVisible();

  await page.getByRole("searchbox", { name: "Search tags" }).fill("");
  await expect(page.getByText("Page 1 of 50 · 5,000 tags")).toBeVisible();
  await expect(page.getByText("100 tags matching “build-049” selected")).toBeVisible();
  // A rule holds the selection: the boxes show it and cannot change it one by one.
  await expect(tags.getByRole("checkbox", { name: "Select tag build-04950" })).toBeChecked();
  await expect(tags.getByRole("checkbox", { name: "Select tag build-04950" })).toBeDisabled();
  await expect(tags.getByRole("checkbox", { name: "Select tag build-05000" })).not.toBeChecked();

  await page.getByRole("button", { name: "Select all 5,000 matching tags" }).click();
  await expect(page.getByText("All 5,000 tags selected")).toBeVisible();
  await expect(tags.getByRole("checkbox", { name: "Select tag build-05000" })).toBeChecked();
  await page.getByRole("button", { name: "Sync 5,000 tags" }).click();
  const dialog = page.getByRole("dialog", { name: "Sync 5,000 tags of team-a/ci-builds" });
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await dialog.getByRole("combobox", { name: "Target region" }).selectOption("ap-southeast-1");
  await dialog.getByRole("button", { name: "New tags (5,000)" }).click();
  await expect(dialog.getByRole("list", { name: "New tags" }).getByRole("listitem").first()).toHaveText("build-00001");
  await expect(dialog.getByRole("button", { name: "Sync 5,000 tags" })).toBeEnabled();
  // Starting and watching the whole repository is large-sync.spec.ts's story.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(page.getByText("0 tags selected")).toBeVisible();
  await expect(tags.getByRole("checkbox", { name: "Select tag build-05000" })).toBeEnabled();
});

test("a viewer sees the tags but cannot sync", async ({ page }) => {
  await signIn(page, "viewer", "/repositories/cn-north-4/team-a/nginx");
  await expect(tagTable(page, "team-a/nginx").getByRole("rowheader", { name: "latest" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sync/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);

  const response = await page.request.post("/api/jobs", {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      ...NGINX_ROUTE,
      tags: ["latest"],
      override: false,
    },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()) as unknown).toMatchObject({ error: { code: "forbidden" } });
});

test.describe("the browse API", () => {
  let api: APIRequestContext;

  test.beforeAll(async ({ browser, playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL;
    const context = await browser.newContext({ baseURL });
    await signIn(await context.newPage(), "viewer");
    api = await playwright.request.newContext({ baseURL, storageState: await context.storageState() });
    await context.close();
  });

  test.afterAll(async () => {
    await api.dispose();
  });

  const repo = "region=cn-north-4&namespace=team-a&repository=nginx";
  const cases: { what: string; url: string; status: number; code: string; field?: string; message?: RegExp }[] = [
    { what: "an unknown region", url: "/api/repositories?region=mars-north-1", status: 400, code: "validation_failed", field: "region" },
    { what: "a malformed region", url: "/api/namespaces?region=Beijing", status: 400, code: "validation_failed", field: "region" },
    { what: "a page size over 100", url: "/api/repositories?region=cn-north-4&pageSize=101", status: 400, code: "validation_failed", field: "pageSize" },
    { what: "a tag page size over 500", url: `/api/tags?${repo}&pageSize=501`, status: 400, code: "validation_failed", field: "pageSize" },
    { what: "an unknown sort", url: `/api/tags?${repo}&sort=size`, status: 400, code: "validation_failed", field: "sort" },
    { what: "a namespace breaking the rule", url: "/api/namespaces/check?region=ap-southeast-1&namespace=Team_B", status: 400, code: "validation_failed", field: "namespace" },
    { what: "existing tags without a tag", url: `/api/tags/existing?${repo}`, status: 400, code: "validation_failed", field: "tag" },
    {
      what: "an unknown repository",
      url: "/api/repositories/detail?region=cn-north-4&namespace=team-a&repository=no-such-repo",
      status: 404,
      code: "not_found",
      message: /^Repository “team-a\/no-such-repo” does not exist in cn-north-4\.$/,
    },
    {
      what: "the tags of an unknown repository",
      url: "/api/tags?region=cn-north-4&namespace=team-a&repository=no-such-repo",
      status: 404,
      code: "not_found",
      message: /does not exist in cn-north-4\.$/,
    },
  ];

  for (const c of cases) {
    test(`${c.what} → ${c.status} ${c.code}`, async () => {
      const response = await api.get(c.url);
      expect(response.status()).toBe(c.status);
      const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } };
      expect(body.error.code).toBe(c.code);
      if (c.field) expect(Object.keys(body.error.fields ?? {})).toContain(c.field);
      if (c.message) expect(body.error.message).toMatch(c.message);
    });
  }

  test("existing tags of a missing target repository are none", async () => {
    const response = await api.get("/api/tags/existing?region=ap-southeast-1&namespace=team-a&repository=nginx&tag=latest");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ existing: [] });
  });

  test("a missing target namespace is reported in words", async () => {
    const response = await api.get("/api/namespaces/check?region=ap-southeast-1&namespace=team-b");
    expect(await response.json()).toEqual({ exists: false, message: "Namespace “team-b” does not exist in ap-southeast-1." });
  });

  test("a region's sync targets leave the source out", async () => {
    const body = (await (await api.get("/api/regions?source=cn-north-4")).json()) as { regions: { id: string }[] };
    const ids = body.regions.map((r) => r.id);
    expect(ids).toContain("ap-southeast-1");
    expect(ids).not.toContain("cn-north-4");
  });

  test("an anonymous request is refused with 401", async ({ request }) => {
    const response = await request.get("/api/repositories?region=cn-north-4");
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });
});
