import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { SIM_URL, signIn } from "./support";
import { NGINX_ROUTE } from "@/test/fixtures";

// The job page and the history. Jobs are started through the API here; sync-story.spec.ts starts one through the UI.

const LANDING_MS = 45_000;

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

/** Starts a sync of nginx tags cn-north-4/team-a → ap-southeast-1/team-a as the signed-in page's user. */
async function startNginxSync(page: Page, tags: string[]): Promise<string> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/api/jobs", {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: {
      ...NGINX_ROUTE,
      tags,
      override: false,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { job: { id: string } };
  return body.job.id;
}

const taskRow = (page: Page, tag: string) =>
  page
    .getByRole("table", { name: "Tags" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: tag, exact: true }) });

test("a failing tag shows its reason in words, and Retry failed brings it to succeeded", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // The next sync of nginx:1.25.4 fails once, so the retry can succeed.
  const faults = await request.put(`${SIM_URL}/__sim/faults`, {
    data: {
      syncFailures: [
        {
          region: "cn-north-4",
          namespace: "team-a",
          repository: "nginx",
          tag: "1.25.4",
          reason: "quota exceeded",
          count: 1,
        },
      ],
    },
  });
  expect(faults.ok()).toBe(true);
  await signIn(page, "operator");
  const id = await startNginxSync(page, ["1.25.3", "1.25.4"]);

  await page.goto(`/jobs/${id}`);
  const progress = page.getByRole("progressbar", { name: "Sync progress" });
  await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: LANDING_MS });
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText("Partially failed");
  await expect(taskRow(page, "1.25.3")).toContainText("succeeded");
  const failed = taskRow(page, "1.25.4");
  await expect(failed).toContainText("failed");
  await expect(failed).toContainText(
    "SWR reports that the sync to namespace “team-a” in ap-southeast-1 failed",
  );

  // The export follows the tags list's filter: the failed tag alone, with its reason.
  await page.getByRole("group", { name: "Show tags by status" }).getByRole("button", { name: "Failed (1)" }).click();
  await expect(page.getByRole("table", { name: "Tags" }).getByRole("rowheader")).toHaveText(["1.25.4"]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export these tags as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^sync-job-${id}-tags-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const rows = (await readFile(await download.path(), "utf8")).split("\r\n").filter((r) => r !== "");
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatch(/^nginx,ap-southeast-1,team-a,1\.25\.4,failed,new,1,sha256:[0-9a-f]{64},,\d{4}-.+,swr_\w+,SWR reports that the sync to namespace “team-a” in ap-southeast-1 failed/);
  await page.getByRole("group", { name: "Show tags by status" }).getByRole("button", { name: "All (2)" }).click();

  const retry = page.getByRole("button", { name: "Retry 1 failed tag" });
  await expect(retry).toBeEnabled();
  await retry.click();
  await expect(page.getByRole("status").filter({ hasText: "1 tag is being synced again." })).toBeVisible();
  await expect(taskRow(page, "1.25.4")).toContainText("succeeded", { timeout: LANDING_MS });
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText("Succeeded");
  // Nothing is left to retry, so there is no button at all rather than a pale one.
  await expect(page.getByRole("button", { name: /^Retry \d/ })).toHaveCount(0);
});

test("a viewer follows a job but sees no Retry or Cancel button, and cannot start a sync", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const operator = await browser.newPage();
  await signIn(operator, "operator");
  const id = await startNginxSync(operator, ["alpine"]);
  await operator.close();

  await signIn(page, "viewer");
  await page.goto(`/jobs/${id}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Sync of team-a/nginx to ap-southeast-1" }),
  ).toBeVisible();
  await expect(taskRow(page, "alpine")).toContainText("succeeded", { timeout: LANDING_MS });
  await expect(page.getByRole("button", { name: /^Retry \d/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel sync" })).toHaveCount(0);

  await page.getByRole("link", { name: "Back to team-a/nginx" }).click();
  await expect(page).toHaveURL(/\/repositories\/cn-north-4\/team-a\/nginx/);
  await expect(page.getByRole("rowheader", { name: "alpine", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sync/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
});

test("a job address that leads nowhere says so", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/jobs/no-such-job");
  await expect(page.getByRole("heading", { name: "Sync job not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the sync history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sync jobs" })).toBeVisible();
});

test("the history's filters live in the URL, and the CSV export uses the same ones", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/jobs?status=failed&user=nobody%40example.com");
  const form = page.getByRole("search", { name: "Filter sync jobs" });
  await expect(form.getByRole("combobox", { name: "Status" })).toHaveValue("failed");
  await expect(form.getByRole("textbox", { name: "Started by (email)" })).toHaveValue("nobody@example.com");
  await expect(page.getByText("No sync jobs match these filters.")).toBeVisible();
  // The CSV carries the zone the page shows times in, so its days are the reader's days.
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    /^\/api\/jobs\/export\.csv\?status=failed&user=nobody%40example\.com&tz=[\w%]+$/,
  );

  await form.getByRole("textbox", { name: "Source namespace" }).fill("Not A Namespace");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(form.getByText("Not a namespace name")).toBeVisible();
  await expect(page).toHaveURL(/\/jobs\?status=failed&user=nobody%40example\.com$/);
  // Jobs of the earlier filters no longer match the form: the page says so instead of showing them.
  await expect(page.getByText("No sync jobs match these filters.")).toHaveCount(0);
  await expect(page.getByRole("alert").filter({ hasText: "Some filters are not valid." })).toBeVisible();

  await form.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(form.getByRole("combobox", { name: "Status" })).toHaveValue("");
});
