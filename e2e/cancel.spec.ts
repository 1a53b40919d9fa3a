import { expect, test, type Page } from "@playwright/test";
import { SIM_URL, signIn } from "./support";
import { NGINX_ROUTE } from "@/test/fixtures";

// Cancelling a running sync from its page: the confirmation says what will not be sent, the job ends cancelled
// with its cancelled tags counted, and Retry sends them after all. While it runs, the page says when a tag last moved.

const TAGS = ["1.25.3", "1.25.4", "1.26.0"];
const LANDING_MS = 45_000;

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

/** SWR throttles every sync request, so the job's tags wait to be sent (`retrying`) until the test lets them go. */
async function throttleSyncs(page: Page, on: boolean) {
  const rules = on ? [{ kind: "throttle", region: "cn-north-4", operations: ["CreateManualImageSyncRepo"], retryAfterSeconds: 30 }] : [];
  const response = await page.request.put(`${SIM_URL}/__sim/faults`, { data: { rules } });
  expect(response.ok()).toBe(true);
}

test("an operator cancels a running sync, sees what was not sent, and Retry brings the tags back", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "operator");
  await throttleSyncs(page, true);
  const created = await page.request.post("/api/jobs", {
    headers: { Origin: new URL(page.url()).origin },
    data: { ...NGINX_ROUTE, tags: TAGS, override: false },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { job } = (await created.json()) as { job: { id: string } };

  await page.goto(`/jobs/${job.id}`);
  const status = page.getByRole("status", { name: "Job status" });
  await expect(status).toHaveText(/Queued|Running/);
  // While it runs, the page says when a tag last moved; once it has ended, its end says it.
  const lastProgress = page.getByRole("term").filter({ hasText: /^Last progress$/ });
  await expect(lastProgress).toBeVisible();
  await page.getByRole("button", { name: "Cancel sync" }).click();

  const dialog = page.getByRole("dialog", { name: "Cancel this sync?" });
  await expect(dialog).toContainText("3 tags have not been sent to SWR yet and will not be sent.");
  await expect(dialog).toContainText("No tag is with SWR right now.");
  await dialog.getByRole("button", { name: "Cancel the sync" }).click();
  await expect(dialog).toBeHidden();

  await expect(status).toHaveText("Cancelled", { timeout: LANDING_MS });
  const notice = page.getByRole("region", { name: "Cancellation" });
  await expect(notice).toContainText(/^Cancelled by operator@example\.com at .+\. 3 tags were not sent;/);
  await expect(page.getByRole("button", { name: "Cancel sync" })).toHaveCount(0);
  await expect(lastProgress).toHaveCount(0);
  const progress = page.getByRole("progressbar", { name: "Sync progress" });
  await expect(progress).toHaveAttribute("aria-valuetext", "3 of 3 tags finished (100%)");

  const filters = page.getByRole("group", { name: "Show tags by status" });
  await filters.getByRole("button", { name: "Cancelled (3)" }).click();
  await expect(filters.getByRole("button", { name: "Cancelled (3)" })).toHaveAttribute("aria-pressed", "true");
  const tasks = page.getByRole("table", { name: "Tags" });
  await expect(tasks.getByRole("rowheader")).toHaveText(TAGS);
  for (const tag of TAGS) {
    await expect(tasks.getByRole("row").filter({ has: page.getByRole("rowheader", { name: tag, exact: true }) })).toContainText("cancelled");
  }

  await throttleSyncs(page, false);
  await page.getByRole("button", { name: "Retry 3 cancelled tags" }).click();
  await expect(status).toHaveText("Succeeded", { timeout: LANDING_MS });
  await expect(page.getByRole("region", { name: "Cancellation" })).toHaveCount(0);
  await expect(filters.getByRole("button", { name: "Succeeded (3)" })).toBeVisible();
  await expect(filters.getByRole("button", { name: "Cancelled (0)" })).toBeVisible();
  // The cancelled filter is still chosen: the rows left it as they succeeded.
  await expect(tasks.getByRole("rowheader")).toHaveCount(0);
  await filters.getByRole("button", { name: "All (3)" }).click();
  await expect(tasks.getByRole("rowheader")).toHaveText(TAGS);
  await expect(page.getByRole("button", { name: /^Retry \d/ })).toHaveCount(0);
});
