import { expect, test } from "@playwright/test";
import { SIM_URL, signIn } from "./support";

// Selecting tags by a glob pattern: the rows it covers are ticked, and the sync panel lists the matching tags from
// the server before anything is started.

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("a pattern selects the matching tags, the panel shows them before Sync, and the job records the pattern", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "operator", "/repositories/cn-north-4/team-a/nginx?sort=name&order=asc");
  const tags = page.getByRole("table", { name: "Tags of team-a/nginx" });
  const form = page.getByRole("form", { name: "Select tags by pattern" });
  const pattern = form.getByRole("textbox", { name: "Select by pattern" });

  await pattern.fill("1.25 *");
  await form.getByRole("button", { name: "Select matching tags" }).click();
  await expect(pattern).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: "Sync 0 tags" })).toBeDisabled();

  await pattern.fill("1.25.*");
  await form.getByRole("button", { name: "Select matching tags" }).click();
  await expect(pattern).not.toHaveAttribute("aria-invalid", "true");
  for (const tag of ["1.25.3", "1.25.4"]) await expect(tags.getByRole("checkbox", { name: `Select tag ${tag}` })).toBeChecked();
  for (const tag of ["1.26.0", "alpine", "latest"]) await expect(tags.getByRole("checkbox", { name: `Select tag ${tag}` })).not.toBeChecked();

  await page.getByRole("button", { name: "Sync tags matching “1.25.*”" }).click();
  const panel = page.getByRole("dialog", { name: "Sync tags matching “1.25.*” of team-a/nginx" });
  await panel.getByRole("combobox", { name: "Target region" }).selectOption("ap-southeast-1");
  await panel.getByRole("combobox", { name: "Target namespace" }).fill("team-a");
  await panel.getByRole("button", { name: "New tags (2)" }).click();
  await expect(panel.getByRole("list", { name: "New tags" }).getByRole("listitem")).toHaveText(["1.25.3", "1.25.4"]);
  await panel.getByRole("button", { name: "Sync 2 tags" }).click();

  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  await expect(page.getByRole("main")).toContainText("Tags matching “1.25.*” (2 tags)");
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText("Succeeded", { timeout: 45_000 });
});

test("a pattern that matches nothing is explained in the panel and cannot be synced", async ({ page }) => {
  await signIn(page, "operator", "/repositories/cn-north-4/team-a/nginx");
  const form = page.getByRole("form", { name: "Select tags by pattern" });
  await form.getByRole("textbox", { name: "Select by pattern" }).fill("v9.*");
  await form.getByRole("button", { name: "Select matching tags" }).click();
  await page.getByRole("button", { name: "Sync tags matching “v9.*”" }).click();
  const panel = page.getByRole("dialog", { name: "Sync tags matching “v9.*” of team-a/nginx" });
  await panel.getByRole("combobox", { name: "Target region" }).selectOption("ap-southeast-1");
  await expect(panel.getByRole("alert")).toContainText("No tag of “team-a/nginx” matches “v9.*”.");
  await panel.getByRole("button", { name: "Sync", exact: true }).click();
  await expect(panel).toBeVisible();
});
