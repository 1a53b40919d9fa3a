import { expect, test, type Locator, type Page } from "@playwright/test";
import type { JobDetail, JobHistoryStats, JobStats } from "@/lib/jobs/dto";
import { NGINX_ROUTE } from "@/test/fixtures";
import { SIM_URL, signIn } from "./support";

// The history at a glance on the overview (charts and their tables) and the slowest tags on the job page, after real
// syncs through the simulator. Other specs share the database, so numbers are read before and compared after.

const LANDING_MS = 45_000;

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

/** Starts a sync of nginx tags to ap-southeast-1 as the page's user and waits until the job has settled. */
async function syncAndSettle(page: Page, tags: string[]): Promise<JobDetail> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/api/jobs", {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: { ...NGINX_ROUTE, tags, override: true },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { job } = (await response.json()) as { job: JobDetail };
  let settled = job;
  await expect
    .poll(
      async () => {
        settled = ((await (await page.request.get(`/api/jobs/${job.id}`)).json()) as { job: JobDetail }).job;
        return settled.live;
      },
      { timeout: LANDING_MS },
    )
    .toBe(false);
  return settled;
}

/** Opens the table of the figure named `figureName` and answers it. */
async function openTable(page: Page | Locator, figureName: string, tableName: RegExp | string): Promise<Locator> {
  const fig = page.getByRole("figure", { name: figureName });
  await fig.getByRole("button", { name: "Show as table" }).click();
  const hide = fig.getByRole("button", { name: "Hide table" });
  await expect(hide).toHaveAttribute("aria-expanded", "true");
  // The caption describes the toggle, so a screen reader tells each chart's toggle apart.
  await expect(hide).toHaveAccessibleDescription(figureName);
  const table = fig.getByRole("table", { name: tableName });
  await expect(table).toBeVisible();
  return table;
}

/** The numbers of a table row (every cell after its header), as integers. */
async function rowNumbers(row: Locator): Promise<number[]> {
  const cells = await row.getByRole("cell").allTextContents();
  return cells.map((c) => Number(c.replace(/[^\d]/g, "")));
}

/** What the API says about the same window the page shows. */
async function apiHistory(page: Page): Promise<JobHistoryStats> {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const res = await page.request.get(`/api/jobs/stats?days=30&tz=${encodeURIComponent(timeZone)}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as JobStats).history!;
}

test("the overview charts jobs per day and tags per region, each with a table that counts a new sync", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "operator");
  const history = page.getByRole("region", { name: "Sync history" });
  const perDayName = "Jobs per day by outcome";
  const perDayCaption = /^Jobs started per day by outcome, days in /;
  await expect(page.getByRole("figure", { name: perDayName }).getByRole("img", { name: /^Stacked bars of the jobs started on each of the last 30 days/ })).toBeVisible();
  let table = await openTable(page, perDayName, perDayCaption);
  // Thirty days and a row of totals; the last day is today.
  await expect(table.getByRole("row")).toHaveCount(1 + 30 + 1);
  const columns = await table.getByRole("columnheader").allTextContents();
  expect(columns).toEqual(["Day", "Succeeded", "Partially failed", "Failed", "Cancelled", "Not finished", "Total"]);
  const today = table.getByRole("row").nth(30);
  const before = await rowNumbers(today);

  const job = await syncAndSettle(page, ["1.25.3", "1.26.0"]);
  expect(job.status).toBe("succeeded");

  await page.reload();
  await expect(history).toBeVisible();
  table = await openTable(page, perDayName, perDayCaption);
  const after = await rowNumbers(table.getByRole("row").nth(30));
  // Succeeded and total each grew by at least this job (other specs' jobs may have ended meanwhile).
  expect(after[0]).toBeGreaterThanOrEqual((before[0] ?? 0) + 1);
  expect(after[5]).toBeGreaterThanOrEqual((before[5] ?? 0) + 1);
  // The table says what the API says, day by day.
  const api = await apiHistory(page);
  const todayApi = api.daily.at(-1)!;
  expect(after).toEqual([todayApi.succeeded, todayApi.partially_failed, todayApi.failed, todayApi.cancelled, todayApi.unfinished, after.slice(0, 5).reduce((a, b) => a + b, 0)]);

  const regionsName = "Tags synced per target region";
  await expect(page.getByRole("figure", { name: regionsName }).getByRole("img", { name: /^Bars of the tags synced to each target region: .*ap-southeast-1 [\d,]+/ })).toBeVisible();
  const regionTable = await openTable(page, regionsName, regionsName);
  const row = regionTable.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "ap-southeast-1", exact: true }) });
  const synced = api.tagsPerRegion.find((r) => r.region === "ap-southeast-1")?.tags ?? 0;
  expect(synced).toBeGreaterThanOrEqual(2);
  await expect(row.getByRole("cell")).toHaveText(synced.toLocaleString("en-US"));

  // The figures beside the charts.
  await expect(history.getByText("Success rate")).toBeVisible();
  await expect(history.getByText("Median job duration")).toBeVisible();
  await expect(history.getByText(/^Of [\d,]+ finished jobs?, from start to finish$/).first()).toBeVisible();
});

test("a failure reason on the overview opens the history filtered to its code", async ({ page, request }) => {
  test.setTimeout(120_000);
  const faults = await request.put(`${SIM_URL}/__sim/faults`, {
    data: { syncFailures: [{ region: "cn-north-4", namespace: "team-a", repository: "nginx", tag: "alpine", reason: "quota exceeded", count: 1 }] },
  });
  expect(faults.ok()).toBe(true);
  await signIn(page, "operator");
  const job = await syncAndSettle(page, ["alpine"]);
  expect(job.status).toBe("failed");

  await page.reload();
  const failures = page.getByRole("region", { name: "Most common failure reasons" });
  const linkName = "Show the jobs that failed with swr_failed";
  const link = failures.getByRole("link", { name: linkName });
  await expect(link).toBeVisible();
  const item = failures.getByRole("listitem").filter({ has: page.getByRole("link", { name: linkName }) });
  await expect(item).toContainText(/[\d,]+ failed tags?/);
  await expect(item).toContainText("SWR reports that the sync to namespace “team-a” in ap-southeast-1 failed");
  await link.click();

  await expect(page).toHaveURL(/\/jobs\?failureCode=swr_failed&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("textbox", { name: "Failure code" })).toHaveValue("swr_failed");
  // The page lists what the API lists for the same filter (whatever other specs of this worker failed with that
  // code), and that holds the job that just failed.
  const { search } = new URL(page.url());
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const listed = (await (await page.request.get(`/api/jobs${search}&tz=${encodeURIComponent(timeZone)}&limit=100`)).json()) as { items: { id: string }[] };
  expect(listed.items.map((j) => j.id)).toContain(job.id);
  const jobs = page.getByRole("table", { name: "Sync jobs, newest first" });
  await expect(jobs.getByRole("link", { name: /^Open the sync of / })).toHaveCount(Math.min(listed.items.length, 25));
  await expect(jobs.getByRole("link", { name: /^Open the sync of team-a\/nginx/ }).first()).toBeVisible();
});

test("the job page draws its slowest tags from submission to end, with a table of their times", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "operator");
  const job = await syncAndSettle(page, ["1.25.3", "1.25.4", "alpine"]);
  await page.goto(`/jobs/${job.id}`);
  const section = page.getByRole("region", { name: "Slowest tags" });
  await expect(section).toContainText("All 3 tags that were sent to SWR and finished, slowest first.");
  const timelineName = "The slowest tags, from submission to SWR to their end";
  await expect(section.getByRole("figure", { name: timelineName }).getByRole("img", { name: /^Horizontal bars, one for each of the 3 slowest tags/ })).toBeVisible();
  const table = await openTable(section, timelineName, timelineName);
  await expect(table.getByRole("row")).toHaveCount(4);
  for (const tag of ["1.25.3", "1.25.4", "alpine"]) {
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: tag, exact: true }) });
    await expect(row.getByRole("cell").nth(0)).toHaveText("ap-southeast-1/team-a");
    await expect(row.getByRole("cell").nth(1)).toHaveText("succeeded");
    await expect(row.getByRole("cell").nth(4)).toHaveText(/^\d+ s$|^\d+ min \d+ s$/);
  }
});
