import { expect, test } from "@playwright/test";
import { SIM_URL, signIn } from "./support";

// The sync panel offers only the regions SWR syncs between, says where that list came from, and a source outside
// them says so instead of showing a form that can only fail.

const SIX_FROM_NORTH_4 = ["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"];

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("the target region select lists SWR's sync targets of the source only, and says where they came from", async ({ page }) => {
  await signIn(page, "operator", "/repositories/cn-north-4/team-a/nginx");
  await page.getByRole("table", { name: "Tags of team-a/nginx" }).getByRole("checkbox", { name: "Select tag latest" }).check();
  await page.getByRole("button", { name: "Sync 1 tag" }).click();
  const panel = page.getByRole("dialog", { name: "Sync 1 tag of team-a/nginx" });
  const select = panel.getByRole("combobox", { name: "Target region" });

  await expect(select.getByRole("option")).toHaveText(["Choose a region", ...SIX_FROM_NORTH_4.map((id) => new RegExp(`^${id} — `))]);
  await expect(select).toHaveAccessibleDescription("The regions SWR lists as sync targets of cn-north-4.");
  await select.selectOption("cn-east-3");
  await expect(panel.getByRole("region", { name: "Plan" })).toContainText("0 new · 0 identical (skipped) · 1 differs, kept as it is");
});

test("when SWR does not list its sync regions, the documented ones are offered and the panel says so", async ({ page, request }) => {
  await request.put(`${SIM_URL}/__sim/faults`, { data: { rules: [{ kind: "error", status: 404, operations: ["ListSyncRegions"] }] } });
  await signIn(page, "operator", "/repositories/cn-north-4/team-a/nginx");
  await page.getByRole("table", { name: "Tags of team-a/nginx" }).getByRole("checkbox", { name: "Select tag latest" }).check();
  await page.getByRole("button", { name: "Sync 1 tag" }).click();
  const select = page.getByRole("dialog", { name: "Sync 1 tag of team-a/nginx" }).getByRole("combobox", { name: "Target region" });

  await expect(select.getByRole("option")).toHaveText(["Choose a region", ...SIX_FROM_NORTH_4.map((id) => new RegExp(`^${id} — `))]);
  await expect(select).toHaveAccessibleDescription("SWR's documented sync regions: SWR did not list the sync targets of cn-north-4 itself.");
});

test("a repository in a region SWR does not sync from says so instead of offering a sync", async ({ page }) => {
  await signIn(page, "operator", "/repositories/cn-southwest-2/team-a/nginx");
  await page.getByRole("table", { name: "Tags of team-a/nginx" }).getByRole("checkbox", { name: "Select tag latest" }).check();
  await page.getByRole("button", { name: "Sync 1 tag" }).click();
  const panel = page.getByRole("dialog", { name: "Sync 1 tag of team-a/nginx" });

  await expect(panel.getByRole("status")).toContainText("SWR does not support image sync from cn-southwest-2.");
  await expect(panel.getByRole("combobox", { name: "Target region" })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: /^Sync/ })).toHaveCount(0);
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(panel).toBeHidden();
});

test("an admin's new-rule dialog offers the sync targets only, and none from a region SWR does not sync from", async ({ page }) => {
  await signIn(page, "admin", "/repositories/cn-north-4/team-a/nginx");
  await page.getByRole("region", { name: "Automatic sync rules" }).getByRole("button", { name: "Create rule" }).click();
  const select = page.getByRole("dialog", { name: "New automatic sync rule for team-a/nginx" }).getByRole("combobox", { name: "Target region" });
  await expect(select.getByRole("option")).toHaveText(["Choose a region", ...SIX_FROM_NORTH_4.map((id) => new RegExp(`^${id} — `))]);

  await page.goto("/repositories/cn-southwest-2/team-a/nginx");
  await page.getByRole("region", { name: "Automatic sync rules" }).getByRole("button", { name: "Create rule" }).click();
  const dialog = page.getByRole("dialog", { name: "New automatic sync rule for team-a/nginx" });
  await expect(dialog.getByRole("status")).toContainText("SWR does not support image sync from cn-southwest-2.");
  await expect(dialog.getByRole("combobox", { name: "Target region" })).toHaveCount(0);
});
