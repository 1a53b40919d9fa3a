import { expect, test } from "@playwright/test";
import { SIM_URL, signIn } from "./support";

// A whole repository of 5,000 tags, chosen with one click and synced from the browser: the request carries a
// rule, not 5,000 names, and the job page follows it a page of rows at a time.

const REPO_PAGE = "/repositories/cn-north-4/team-a/ci-builds";
const TAG_COUNT = "5,000";
// The simulator answers each tag in a fraction of a second; the engine sends them in chunks.
const WHOLE_REPO_MS = 240_000;

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("an operator selects all 5,000 tags, sees the plan, syncs them and watches the job end succeeded", async ({ page }) => {
  test.setTimeout(WHOLE_REPO_MS + 60_000);
  await signIn(page, "operator", REPO_PAGE);

  await page.getByRole("button", { name: `Select all ${TAG_COUNT} matching tags` }).click();
  await page.getByRole("button", { name: `Sync ${TAG_COUNT} tags` }).click();
  const panel = page.getByRole("dialog", { name: `Sync ${TAG_COUNT} tags of team-a/ci-builds` });
  await panel.getByRole("combobox", { name: "Target region" }).selectOption("ap-southeast-1");
  await panel.getByRole("combobox", { name: "Target namespace" }).fill("team-a");

  // The plan: the count, the first tags by name, and how many more.
  await expect(panel.getByText(`${TAG_COUNT} new · 0 identical (skipped) · 0 differ, kept as they are`)).toBeVisible();
  await panel.getByRole("button", { name: `New tags (${TAG_COUNT})` }).click();
  const plan = panel.getByRole("list", { name: "New tags" });
  await expect(plan.getByRole("listitem").first()).toHaveText("build-00001");
  await expect(plan.getByRole("listitem").nth(1)).toHaveText("build-00002");
  const shown = await plan.getByRole("listitem").count();
  await expect(panel).toContainText(`and ${(5000 - shown).toLocaleString("en-US")} more`);
  await panel.getByRole("button", { name: `Sync ${TAG_COUNT} tags` }).click();

  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sync of team-a/ci-builds to ap-southeast-1" })).toBeVisible();
  const progress = page.getByRole("progressbar", { name: "Sync progress" });
  await expect(progress).toHaveAttribute("aria-valuetext", new RegExp(`^[\\d,]+ of ${TAG_COUNT} tags finished`));
  // Only one page of rows is ever on screen.
  const tasks = page.getByRole("table", { name: "Tags" });
  await expect(page.getByRole("navigation", { name: "Tag pages" })).toContainText(`Page 1 of 50 · ${TAG_COUNT} tags`);
  await expect(tasks.getByRole("rowheader").first()).toHaveText("build-00001");
  await expect(tasks.getByRole("row")).toHaveCount(101);

  // Live progress: the bar moves on while the job runs, without reloading the page.
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText(/Queued|Running/);
  await expect
    .poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: WHOLE_REPO_MS })
    .toBeGreaterThan(0);

  await expect(page.getByRole("status", { name: "Job status" })).toHaveText("Succeeded", { timeout: WHOLE_REPO_MS });
  await expect(progress).toHaveAttribute("aria-valuetext", `${TAG_COUNT} of ${TAG_COUNT} tags finished (100%)`);
  const filters = page.getByRole("group", { name: "Show tags by status" });
  await expect(filters.getByRole("button", { name: `Succeeded (${TAG_COUNT})` })).toBeVisible();
  await expect(filters.getByRole("button", { name: "Failed (0)" })).toBeVisible();
  await expect(filters.getByRole("button", { name: "Cancelled (0)" })).toBeVisible();
  // The rows on screen followed the job: the first page ends succeeded too.
  await expect(tasks.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "build-00001", exact: true }) })).toContainText(
    "succeeded",
  );

  // Paging and the search ask the server for one page at a time.
  await page.getByRole("navigation", { name: "Tag pages" }).getByRole("button", { name: "Next" }).click();
  await expect(tasks.getByRole("rowheader").first()).toHaveText("build-00101");
  await page.getByRole("searchbox", { name: "Search tags" }).fill("build-0499");
  await expect(page.getByRole("navigation", { name: "Tag pages" })).toContainText("Page 1 of 1 · 10 tags");
  await expect(tasks.getByRole("rowheader").first()).toHaveText("build-04990");
});
