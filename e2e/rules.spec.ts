import { expect, test } from "@playwright/test";
import { SIM_URL, signIn } from "./support";

// SWR's automatic sync rules in the browser: an admin creates one with a backfill of the tags the target lacks,
// follows the job, sees the target complete on /rules, and deletes the rule.

// The engine polls SWR every few seconds; three tags land well within this.
const LANDING_MS = 45_000;

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("an admin creates an auto-sync rule with backfill, watches the job finish, sees the target complete and deletes the rule", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin", "/repositories/cn-north-4/team-a/nginx");

  const section = page.getByRole("region", { name: "Automatic sync rules" });
  await expect(section.getByText("This repository has no automatic sync rules.")).toBeVisible();
  await section.getByRole("button", { name: "Create rule" }).click();

  const dialog = page.getByRole("dialog", { name: "New automatic sync rule for team-a/nginx" });
  // cn-east-3 has nginx 1.25.3 (the same image) and latest (another image): 1.25.4, 1.26.0 and alpine are missing.
  await dialog.getByRole("combobox", { name: "Target region" }).selectOption("cn-east-3");
  await expect(dialog.getByRole("combobox", { name: "Target namespace" })).toHaveValue("team-a");
  await expect(dialog.getByRole("switch", { name: "Overwrite existing tags" })).toHaveAttribute("aria-checked", "false");
  await expect(dialog.getByRole("checkbox", { name: "Also sync the existing tags now" })).toBeChecked();
  await dialog.getByRole("button", { name: "Create rule" }).click();

  await expect(dialog.getByText("Started a sync job for the 3 tags that cn-east-3 / team-a did not have.")).toBeVisible();
  await dialog.getByRole("link", { name: "View the sync job" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Sync of team-a/nginx to cn-east-3" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Sync progress" })).toHaveAttribute("aria-valuenow", "100", { timeout: LANDING_MS });
  await expect(page.getByText("3 of 3 tags finished (100%)")).toBeVisible();
  const tasks = page.getByRole("table", { name: "Tags" });
  for (const tag of ["1.25.4", "1.26.0", "alpine"]) {
    await expect(tasks.getByRole("row").filter({ has: page.getByRole("rowheader", { name: tag, exact: true }) })).toContainText("succeeded");
  }

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sync rules" }).click();
  const filters = page.getByRole("search", { name: "Filter sync rules" });
  await filters.getByRole("combobox", { name: "Source region" }).selectOption("cn-north-4");
  await filters.getByRole("combobox", { name: "Namespace" }).selectOption("team-a");
  await expect(page).toHaveURL(/\/rules\?region=cn-north-4&namespace=team-a$/);
  const table = page.getByRole("table", { name: "Automatic sync rules in team-a in cn-north-4" });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "team-a/nginx" }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("cn-east-3");
  // The tag SWR already had with another image stays as it was (the job ran with override off).
  await expect(row).toContainText("Complete");
  await expect(row).toContainText("1 tag differs");

  await row.getByRole("button", { name: "Delete the rule from team-a/nginx in cn-north-4 to team-a in cn-east-3" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this automatic sync rule?" });
  await expect(confirm).toContainText("SWR will stop copying new pushes of team-a/nginx (cn-north-4) to team-a in cn-east-3.");
  await confirm.getByRole("button", { name: "Delete rule" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("No automatic sync rules in team-a in cn-north-4.")).toBeVisible();
  const rules = await page.request.get("/api/rules?region=cn-north-4&namespace=team-a&repository=nginx");
  expect(await rules.json()).toMatchObject({ rules: [] });
});

test("a viewer sees a repository's rules and the rules page, with nothing to create or delete", async ({ page }) => {
  await signIn(page, "viewer", "/repositories/cn-north-4/team-a/nginx");
  const section = page.getByRole("region", { name: "Automatic sync rules" });
  await expect(section.getByText("This repository has no automatic sync rules.")).toBeVisible();
  await expect(section.getByRole("button", { name: "Create rule" })).toHaveCount(0);

  await page.goto("/rules?region=cn-north-4&namespace=team-a");
  await expect(page.getByRole("heading", { level: 1, name: "Automatic sync rules" })).toBeVisible();
  await expect(page.getByText("No automatic sync rules in team-a in cn-north-4.")).toBeVisible();
});
