import { expect, test, type Page } from "@playwright/test";
import { COMPARE_OUTCOMES, type CompareOutcome } from "@/lib/compare/classify";
import { SEED } from "@/simulator/seed";
import { SIM_URL, signIn } from "./support";

// Keeping a second region in step, as a whole namespace: compare team-a of cn-north-4 with two regions, sync
// every missing tag of every repository to both in one job, then bring the differing tags in line through a
// job without overwriting (they end kept) and "Overwrite the N kept tags"; the comparison ends all identical.

const { targets: seeded } = SEED.comparison;
type Region = keyof typeof seeded;
type Counts = Record<CompareOutcome, number>;
const REGIONS = ["ap-southeast-1", "cn-east-3"] as const satisfies readonly Region[];
const TEAM_A = `/compare?region=cn-north-4&namespace=team-a&target=${REGIONS[0]}&target=${REGIONS[1]}`;
const WORDS = { missing: "missing", identical: "identical", differs: "different", only_in_target: "only in target" } as const;
const REPOSITORIES = Object.keys(seeded[REGIONS[0]]);
// 10,000-odd tasks: the engine and the simulator's short steps land them well within this.
const LANDING_MS = 180_000;

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

function totalOf(region: Region): Counts {
  const sum: Counts = { missing: 0, identical: 0, differs: 0, only_in_target: 0 };
  for (const c of Object.values(seeded[region])) for (const o of COMPARE_OUTCOMES) sum[o] += c[o];
  return sum;
}

async function expectTotals(page: Page, region: Region, counts: Counts) {
  const row = page.getByRole("table", { name: "Totals per target" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: `${region}/team-a` }) });
  for (const o of COMPARE_OUTCOMES) await expect(row).toContainText(`${counts[o].toLocaleString("en-US")} ${WORDS[o]}`);
}

async function compareTeamA(page: Page) {
  await page.goto(TEAM_A);
  await expect(page.getByRole("progressbar", { name: "Comparison progress" })).toHaveAttribute(
    "aria-valuetext",
    `${REPOSITORIES.length} of ${REPOSITORIES.length} repositories compared`,
  );
}

test("an operator keeps ap-southeast-1 and cn-east-3 in step with team-a of cn-north-4", async ({ page }) => {
  test.setTimeout(3 * LANDING_MS);
  await signIn(page, "operator", TEAM_A);
  await compareTeamA(page);
  for (const region of REGIONS) await expectTotals(page, region, totalOf(region));

  // Every missing tag of every repository, to both targets, in one job.
  await page.getByRole("button", { name: `Sync missing tags of all ${REPOSITORIES.length} repositories` }).click();
  const dialog = page.getByRole("dialog", { name: `Sync the missing tags of all ${REPOSITORIES.length} repositories` });
  await expect(dialog.getByRole("definition").first()).not.toHaveText("0");
  await dialog.getByRole("button", { name: "Start the sync" }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: `Sync of ${REPOSITORIES.length} repositories → 2 targets` })).toBeVisible();
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText(/^Succeeded/, { timeout: LANDING_MS });
  const byTarget = page.getByRole("table", { name: "By target" });
  for (const region of REGIONS) await expect(byTarget.getByRole("rowheader", { name: `${region}/team-a`, exact: true })).toBeVisible();

  // Nothing is missing any more; what differed still differs.
  await compareTeamA(page);
  const differing: Record<Region, number> = { "ap-southeast-1": totalOf("ap-southeast-1").differs, "cn-east-3": totalOf("cn-east-3").differs };
  for (const region of REGIONS) {
    const before = totalOf(region);
    await expectTotals(page, region, { missing: 0, identical: before.identical + before.missing, differs: before.differs, only_in_target: before.only_in_target });
  }

  // Every tag of the namespace without overwriting: identical tags are skipped, differing ones are kept.
  await page.goto("/repositories?region=cn-north-4&namespace=team-a");
  // Selecting all reads every repository of the namespace first; a click before the page is interactive is not lost.
  const selectAll = page.getByRole("checkbox", { name: "Select all in this namespace" });
  const bar = page.getByRole("region", { name: "Selected repositories" });
  await expect(async () => {
    if (!(await selectAll.isChecked())) await selectAll.click();
    await expect(bar.getByRole("status")).toContainText(`${REPOSITORIES.length} repositories selected`, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await bar.getByRole("button", { name: `Sync ${REPOSITORIES.length} repositories` }).click();
  const panel = page.getByRole("dialog", { name: `Sync ${REPOSITORIES.length} repositories of team-a` });
  await panel.getByRole("combobox", { name: "Target region" }).selectOption(REGIONS[0]);
  await panel.getByRole("button", { name: "Add target" }).click();
  await panel.getByRole("group", { name: "Target 2" }).getByRole("combobox", { name: "Target region" }).selectOption(REGIONS[1]);
  const kept = differing["ap-southeast-1"] + differing["cn-east-3"];
  await expect(panel.getByRole("region", { name: "Plan" })).toContainText(`${kept} differ, kept as they are`);
  await panel.getByRole("button", { name: /^Sync [\d,]+ tags to 2 targets$/ }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  const status = page.getByRole("status", { name: "Job status" });
  await expect(status).toHaveText(`Succeeded (${kept} kept)`, { timeout: LANDING_MS });

  await page.getByRole("button", { name: `Overwrite the ${kept} kept tags` }).click();
  const confirm = page.getByRole("dialog", { name: `Overwrite ${kept} kept tags?` });
  await confirm.getByRole("button", { name: `Overwrite ${kept} tags` }).click();
  await expect(status).toHaveText("Succeeded", { timeout: LANDING_MS });

  // In step: every tag of the source is identical in both targets.
  await compareTeamA(page);
  for (const region of REGIONS) {
    const before = totalOf(region);
    await expectTotals(page, region, { missing: 0, identical: before.identical + before.missing + before.differs, differs: 0, only_in_target: before.only_in_target });
  }
});
