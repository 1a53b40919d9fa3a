import { expect, test, type Page } from "@playwright/test";
import { NGINX_ROUTE } from "@/test/fixtures";
import { demoUser, SIM_URL, signIn } from "./support";

// Rough edges a new user met: the app icon, the overview's layout, admin pages refused with 403 (and audited),
// the dashboard opened under another loopback name, and the history's days in the reader's own time zone.

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

/** Starts a one-tag sync through the API as the signed-in page; its ID and when the server created it. */
async function startSync(page: Page, tag = "1.25.3"): Promise<{ id: string; createdAt: string }> {
  const response = await page.request.post("/api/jobs", {
    headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/json" },
    data: { ...NGINX_ROUTE, tags: [tag], override: true },
  });
  expect([200, 201], await response.text()).toContain(response.status());
  return ((await response.json()) as { job: { id: string; createdAt: string } }).job;
}

/** `2024-05-01`: the calendar day of `iso` in `timeZone`. */
const dayIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

/** The first request for `pathname` the page makes from now on (a document, or the router's fetch of it). */
const firstRequestTo = (page: Page, pathname: string) => page.waitForRequest((r) => new URL(r.url()).pathname === pathname);

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

test("every page names an icon, and /favicon.ico answers", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\//);
  await page.goto("/login");
  const href = await page.locator('head link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toBeTruthy();
  const svg = await request.get(href ?? "");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
});

test("the overview's cards are as tall as what they hold, and region IDs stay on one line", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await signIn(page, "operator");
  await startSync(page);
  await page.goto("/");
  const recent = page.getByRole("region", { name: "Recent sync jobs" });
  await expect(recent.getByRole("link", { name: /^cn-north-4 team-a\/nginx to ap-southeast-1 team-a$/ }).first()).toBeVisible();

  for (const name of ["Sync jobs by status", "Running now", "Recent sync jobs", "SWR connection"]) {
    const card = page.getByRole("region", { name });
    await expect(card).toBeVisible();
    // Below its last line only the card's own padding and border: no empty box stretched to the row's height.
    const gap = await card.evaluate((el) => el.getBoundingClientRect().bottom - (el.lastElementChild?.getBoundingClientRect().bottom ?? 0));
    expect(gap, name).toBeLessThan(24);
  }

  // A region ID broken at a hyphen would lay out as two boxes.
  const regions = [
    ...(await recent.getByText("ap-southeast-1", { exact: true }).all()),
    ...(await recent.getByText("cn-north-4", { exact: true }).all()),
    page.getByRole("region", { name: "SWR connection" }).getByText("cn-north-4", { exact: true }),
  ];
  expect(regions.length).toBeGreaterThan(2);
  for (const region of regions) expect(await region.evaluate((el) => el.getClientRects().length)).toBe(1);
});

test("a non-admin at an admin page gets 403 and that page's reason, and the refusal is audited once a minute", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // several pages and two sessions, on a machine that may be busy
  await signIn(page, "viewer");
  for (const [path, reason] of [
    ["/admin/audit", "Reading the audit log needs the admin role; you are signed in as viewer."],
    ["/admin/users", "Managing users needs the admin role; you are signed in as viewer."],
    ["/admin/webhooks", "Managing webhooks needs the admin role; you are signed in as viewer."],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: reason })).toBeVisible();
    // The dashboard's own header stays, with its way back.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
  const admin = await browser.newPage();
  await signIn(admin, "admin");
  const refusals = async () => {
    await admin.goto("/admin/audit?action=access_denied");
    const log = admin.getByRole("table", { name: "Audit log" });
    await expect(log).toBeVisible();
    return log
      .getByRole("row")
      .filter({ hasText: "viewer@example.com" })
      .filter({ hasText: "was refused GET /admin/audit: it needs admin; they are viewer" })
      .count();
  };
  const once = await refusals();
  expect(once).toBeGreaterThan(0);
  // The same refusal again within the minute adds nothing.
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
  expect(await refusals()).toBe(once);
  await admin.close();
});

test("opened at localhost while the server says 127.0.0.1, the dashboard signs in and syncs", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  // The demo prints http://127.0.0.1:3000; people type localhost:3000 just as often. Both name this machine.
  const local = new URL(baseURL!);
  expect(local.hostname).toBe("127.0.0.1");
  local.hostname = "localhost";
  const operator = demoUser("operator");
  await page.goto(new URL("/login", local).href);
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto(new URL("/repositories/cn-north-4/team-a/nginx", local).href);
  await page.getByRole("checkbox", { name: "Select tag 1.25.4" }).check();
  await page.getByRole("button", { name: "Sync 1 tag" }).click();
  const panel = page.getByRole("dialog", { name: "Sync 1 tag of team-a/nginx" });
  await panel.getByRole("combobox", { name: "Target region" }).selectOption("ap-southeast-1");
  await expect(panel.getByText("team-a exists in ap-southeast-1.")).toBeVisible();
  // The plan is asked for with a POST: the Origin check takes the page's loopback name.
  await expect(panel.getByText("1 new · 0 identical (skipped) · 0 differ, kept as they are")).toBeVisible();
  await panel.getByRole("button", { name: "Sync 1 tag" }).click();
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/jobs\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sync of team-a/nginx to ap-southeast-1" })).toBeVisible();
});

test.describe("at a phone's width", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("no page scrolls sideways: the header's links wrap, wide tables scroll in their own box", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin");
    const job = await startSync(page);
    const paths = ["/", "/repositories", "/repositories/cn-north-4/team-a/nginx", "/compare", "/jobs", `/jobs/${job.id}`, "/rules", "/api-docs"];
    paths.push("/admin/users", "/admin/audit", "/admin/webhooks", "/settings/tokens", "/settings/preferences");
    const overflows: string[] = [];
    for (const p of paths) {
      await page.goto(p);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await page.waitForLoadState("networkidle");
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(clientWidth, p).toBe(390);
      if (scrollWidth > clientWidth) overflows.push(`${p}: ${scrollWidth} px in ${clientWidth}`);
    }
    expect(overflows).toEqual([]);
  });
});

test.describe("in Asia/Shanghai", () => {
  test.use({ timezoneId: "Asia/Shanghai" });

  test("the first page after sign-in is already asked for in the browser's zone", async ({ page }) => {
    const first = firstRequestTo(page, "/");
    await signIn(page, "viewer");
    expect(await (await first).headerValue("cookie")).toContain("tz=Asia%2FShanghai");
    await expect(page.getByText("Days in Asia/Shanghai", { exact: true })).toBeVisible();
  });

  test("From = To = the day the history shows finds that day's jobs; the CSV is in that zone", async ({ page }) => {
    await signIn(page, "operator");
    const job = await startSync(page, "1.25.4");
    const day = dayIn(job.createdAt, "Asia/Shanghai");
    await page.goto("/jobs");
    const shown = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", dateStyle: "medium" }).format(new Date(job.createdAt));
    const row = page
      .getByRole("table", { name: "Sync jobs, newest first" })
      .getByRole("row")
      .filter({ has: page.locator(`a[href="/jobs/${job.id}"]`) });
    await expect(row.getByRole("rowheader")).toContainText(shown);

    const form = page.getByRole("search", { name: "Filter sync jobs" });
    await form.getByLabel("From", { exact: true }).fill(day);
    await form.getByLabel("To", { exact: true }).fill(day);
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${day}&to=${day}$`));
    await expect(row).toBeVisible();

    const csvLink = page.getByRole("link", { name: "Export CSV" });
    await expect(csvLink).toHaveAttribute("href", new RegExp(`from=${day}&to=${day}&tz=Asia%2FShanghai$`));
    const csv = await page.request.get((await csvLink.getAttribute("href")) ?? "");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,status,createdAt,finishedAt,timeZone,/);
    const line = lines.find((l) => l.startsWith(`${job.id},`))?.split(",");
    expect(line?.[2]).toMatch(new RegExp(`^${day}T\\d{2}:\\d{2}:\\d{2}\\+08:00$`));
    expect(line?.[4]).toBe("Asia/Shanghai");
    expect(csv.headers()["content-disposition"]).toMatch(/filename="sync-jobs-\d{4}-\d{2}-\d{2}\.csv"/);
  });

  test("a To before From says so instead of showing the jobs of the earlier filters", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/jobs");
    const table = page.getByRole("table", { name: "Sync jobs, newest first" });
    await expect(table.or(page.getByText("No sync jobs match these filters."))).toBeVisible();
    const form = page.getByRole("search", { name: "Filter sync jobs" });
    await form.getByLabel("From", { exact: true }).fill("2026-05-02");
    await form.getByLabel("To", { exact: true }).fill("2026-05-01");
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "“To” is before “From”, so no job can match." })).toBeVisible();
    await expect(form.getByText("Enter a date on or after the “From” date.")).toBeVisible();
    await expect(table).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    // The same range from an address says the same.
    await page.goto("/jobs?from=2026-05-02&to=2026-05-01");
    await expect(page.getByRole("alert").filter({ hasText: "“To” is before “From”" })).toBeVisible();
    await expect(table).toHaveCount(0);
  });

  test("a zone kept in the profile wins over the browser's, until the person follows the browser again", async ({ page, browser }) => {
    await signIn(page, "viewer");
    await page.getByRole("link", { name: "Preferences" }).click();
    const zone = page.getByRole("combobox", { name: "Time zone" });
    await expect(zone).toHaveValue("");
    await expect(zone.getByRole("option", { name: "Follow this browser (Asia/Shanghai)" })).toHaveCount(1);
    await zone.selectOption("America/New_York");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Times are now shown in America/New_York.")).toBeVisible();
    await expect(page.getByText("Times are shown in America/New_York.")).toBeVisible();

    await page.goto("/jobs");
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", /tz=America%2FNew_York$/);
    const from = nextDay(dayIn(new Date().toISOString(), "America/New_York"));
    await page.getByRole("search", { name: "Filter sync jobs" }).getByLabel("From", { exact: true }).fill(from);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByText("No sync jobs match these filters.")).toBeVisible();

    // Signed in from another browser, the first page is already asked for in the kept zone.
    const other = await browser.newPage();
    const first = firstRequestTo(other, "/");
    await signIn(other, "viewer");
    expect(await (await first).headerValue("cookie")).toContain("tz=America%2FNew_York");
    await expect(other.getByText("Days in America/New_York", { exact: true })).toBeVisible();
    await other.close();

    await page.goto("/settings/preferences");
    await page.getByRole("combobox", { name: "Time zone" }).selectOption("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Times now follow this browser's time zone.")).toBeVisible();
    await expect(page.getByText("Times are shown in Asia/Shanghai.")).toBeVisible();
  });
});
