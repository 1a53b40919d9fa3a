import { expect, test, type Page } from "@playwright/test";
import { SIM_URL, signIn } from "./support";

// Pressing Sync twice, or submitting the same sync from a second tab, never starts a second job.

const REPO_PAGE = "/repositories/cn-north-4/team-a/redis";
const TAGS = ["7.2.4", "7.2.5"];

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

async function openPanelAndChooseTarget(page: Page) {
  await page.goto(REPO_PAGE);
  for (const tag of TAGS) await page.getByRole("checkbox", { name: `Select tag ${tag}` }).check();
  await page.getByRole("button", { name: "Sync 2 tags" }).click();
  const panel = page.getByRole("dialog", { name: "Sync 2 tags of team-a/redis" });
  await panel.getByRole("combobox", { name: "Target region" }).selectOption("cn-south-1");
  await panel.getByRole("combobox", { name: "Target namespace" }).fill("team-a");
  await expect(panel.getByText("team-a exists in cn-south-1.")).toBeVisible();
  // The plan has answered (in a second tab after the first sync, both tags are already identical there).
  await expect(panel.getByRole("region", { name: "Plan" })).toContainText("What happens to 2 tags:");
  return panel;
}

async function jobsOfRedis(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/jobs?repository=redis&limit=100");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string }[] };
  return body.items.map((j) => j.id);
}

test("a double click on Sync and a second tab with the same request lead to one job", async ({ page, context }) => {
  test.setTimeout(120_000); // several pages and two sessions, on a machine that may be busy
  await signIn(page, "operator");
  const before = await jobsOfRedis(page);

  const panel = await openPanelAndChooseTarget(page);
  await panel.getByRole("button", { name: "Sync 2 tags" }).dblclick();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  const firstJob = new URL(page.url()).pathname.split("/").at(-1);

  const second = await context.newPage();
  const secondPanel = await openPanelAndChooseTarget(second);
  await secondPanel.getByRole("button", { name: "Sync 2 tags" }).click();
  await expect(second).toHaveURL(new RegExp(`/jobs/${firstJob}$`));

  const after = await jobsOfRedis(page);
  expect(after.filter((id) => !before.includes(id))).toEqual([firstJob]);
});
