import { expect, test, type Page } from "@playwright/test";
import { SEED } from "@/simulator/seed";
import { SIM_URL, signIn } from "./support";

// Tags the target holds with another image, synced with "Overwrite existing tags" off: the job succeeds with them
// kept, says so, and "Overwrite the N kept tags" replaces them after a confirmation that names them.

const LANDING_MS = 45_000;
const { overrideConflict, alreadyInSync } = SEED;
/** A tag the target gets with an image of its own before the sync, besides the seeded conflict. */
const PUSHED = "1.25.4";
const ROUTE = {
  sourceRegion: overrideConflict.sourceRegion,
  sourceNamespace: overrideConflict.namespace,
  sourceRepository: overrideConflict.repository,
  targetRegion: overrideConflict.targetRegion,
  targetNamespace: overrideConflict.namespace,
};

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
  const pushed = await request.post(`${SIM_URL}/__sim/tags`, {
    data: { region: ROUTE.targetRegion, namespace: ROUTE.targetNamespace, repository: ROUTE.sourceRepository, tag: PUSHED, digest: `sha256:${"e".repeat(64)}` },
  });
  expect(pushed.status(), await pushed.text()).toBe(201);
});

const taskRow = (page: Page, tag: string) =>
  page
    .getByRole("table", { name: "Tags" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: tag, exact: true }) });

test("a sync without overwriting ends Succeeded (2 kept), and Overwrite the 2 kept tags brings them in line", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "operator");
  const created = await page.request.post("/api/jobs", {
    headers: { Origin: new URL(page.url()).origin },
    data: { ...ROUTE, tags: [alreadyInSync.tag, PUSHED, "1.26.0", overrideConflict.tag], override: false },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { job } = (await created.json()) as { job: { id: string } };

  await page.goto(`/jobs/${job.id}`);
  const status = page.getByRole("status", { name: "Job status" });
  await expect(status).toHaveText("Succeeded (2 kept)", { timeout: LANDING_MS });
  await expect(page.getByRole("progressbar", { name: "Sync progress" })).toHaveAttribute("aria-valuetext", "4 of 4 tags finished (100%)");
  for (const tag of [PUSHED, overrideConflict.tag]) {
    await expect(taskRow(page, tag)).toContainText("Kept (target differs)");
    await expect(taskRow(page, tag)).toContainText("“Overwrite existing tags” was off");
  }
  await expect(taskRow(page, "1.26.0")).toContainText("succeeded");
  // Already identical in the target: the plan skipped it without an SWR call.
  await expect(taskRow(page, alreadyInSync.tag)).toContainText("Identical — skipped");
  const filters = page.getByRole("group", { name: "Show tags by status" });
  await expect(filters.getByRole("button", { name: "Identical (1)" })).toBeVisible();
  await filters.getByRole("button", { name: "Kept (2)" }).click();
  await expect(page.getByRole("table", { name: "Tags" }).getByRole("rowheader")).toHaveText([PUSHED, overrideConflict.tag]);
  await filters.getByRole("button", { name: /^All/ }).click();

  await page.getByRole("button", { name: "Overwrite the 2 kept tags" }).click();
  const dialog = page.getByRole("dialog", { name: "Overwrite 2 kept tags?" });
  await expect(dialog).toContainText(`2 tags exist in ${ROUTE.targetRegion} ${ROUTE.targetNamespace}/${ROUTE.sourceRepository}`);
  await expect(dialog.getByRole("list", { name: "Kept tags" }).getByRole("listitem")).toHaveText([PUSHED, overrideConflict.tag]);
  await dialog.getByRole("button", { name: "Overwrite 2 tags" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "2 kept tags are being overwritten." })).toBeVisible();

  await expect(status).toHaveText("Succeeded", { timeout: LANDING_MS });
  for (const tag of [PUSHED, overrideConflict.tag]) await expect(taskRow(page, tag)).toContainText("succeeded");
  await expect(page.getByRole("button", { name: /^Overwrite the/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Retry \d/ })).toHaveCount(0);
  const earlier = page.getByRole("region", { name: "Earlier attempts" });
  await expect(earlier).toContainText("Attempt 1 — ended by overwriting the kept tags");
  await expect(earlier).toContainText("2 kept");

  // The history says the same: the newest job succeeded, with nothing kept any more.
  await page.goto("/jobs");
  const newest = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^Open the sync of team-a\/nginx/ }) }).first();
  await expect(newest).toContainText("Succeeded");
  await expect(newest).not.toContainText("kept");
});

test("a viewer sees the kept tags but is offered no overwrite", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const operator = await browser.newPage();
  await signIn(operator, "operator");
  const created = await operator.request.post("/api/jobs", {
    headers: { Origin: new URL(operator.url()).origin },
    data: { ...ROUTE, tags: [overrideConflict.tag], override: false },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { job } = (await created.json()) as { job: { id: string } };
  await operator.close();

  await signIn(page, "viewer");
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText("Succeeded (1 kept)", { timeout: LANDING_MS });
  await expect(taskRow(page, overrideConflict.tag)).toContainText("Kept (target differs)");
  await expect(page.getByRole("button", { name: /^Overwrite the/ })).toHaveCount(0);
  await page.goto("/jobs");
  await expect(page.getByRole("row").filter({ hasText: "Succeeded (1 kept)" }).first()).toBeVisible();
});
