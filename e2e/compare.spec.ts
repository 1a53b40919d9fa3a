import { expect, test, type Locator, type Page } from "@playwright/test";
import { COMPARE_OUTCOMES, type CompareOutcome } from "@/lib/compare/classify";
import { SEED } from "@/simulator/seed";
import { SIM_URL, signIn } from "./support";

// The comparison page against the simulator's seed: team-a of cn-north-4 with ap-southeast-1 and cn-east-3.

const { targets: seeded } = SEED.comparison;
type Region = keyof typeof seeded;
type Counts = Readonly<Record<CompareOutcome, number>>;
const TEAM_A = "/compare?region=cn-north-4&namespace=team-a&target=ap-southeast-1&target=cn-east-3";
const WORDS = { missing: "missing", identical: "identical", differs: "different", only_in_target: "only in target" } as const;

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

/** "5,012 missing", "3 identical", … as the page writes a set of counts. */
const countTexts = (c: Counts) => COMPARE_OUTCOMES.map((o) => `${c[o].toLocaleString("en-US")} ${WORDS[o]}`);

function totalOf(region: Region): Counts {
  const sum: Record<CompareOutcome, number> = { missing: 0, identical: 0, differs: 0, only_in_target: 0 };
  for (const c of Object.values(seeded[region])) for (const o of COMPARE_OUTCOMES) sum[o] += c[o];
  return sum;
}

const repositoryRow = (page: Page, name: string) =>
  page
    .getByRole("table", { name: "Repositories of cn-north-4/team-a" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function expectCounts(cell: Locator, counts: Counts) {
  for (const text of countTexts(counts)) await expect(cell).toContainText(text);
}

test("an operator compares team-a with ap-southeast-1 and cn-east-3, filters by outcome, and a reload keeps it all", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "operator", "/compare");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();

  const form = page.getByRole("form", { name: "What to compare" });
  await form.getByRole("combobox", { name: "Source region" }).selectOption("cn-north-4");
  await form.getByRole("combobox", { name: "Source namespace" }).fill("team-a");
  // No target yet: the form says so in place and the address does not change.
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(form.getByRole("combobox", { name: "Target 1 region" })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/compare$/);

  await form.getByRole("combobox", { name: "Target 1 region" }).selectOption("ap-southeast-1");
  await form.getByRole("button", { name: "Add a target" }).click();
  await form.getByRole("combobox", { name: "Target 2 region" }).selectOption("cn-east-3");
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare\?region=cn-north-4&namespace=team-a&target=ap-southeast-1&target=cn-east-3$/);

  const progress = page.getByRole("progressbar", { name: "Comparison progress" });
  await expect(progress).toHaveAttribute("aria-valuetext", "5 of 5 repositories compared");
  await expect(page.getByText("5 of 5 repositories compared")).toBeVisible();

  const totals = page.getByRole("table", { name: "Totals per target" });
  for (const region of ["ap-southeast-1", "cn-east-3"] as const) {
    await expectCounts(totals.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `${region}/team-a` }) }), totalOf(region));
  }
  for (const [name, counts] of Object.entries(seeded["cn-east-3"])) {
    await expectCounts(repositoryRow(page, name).getByRole("cell").nth(1), counts);
    await expectCounts(repositoryRow(page, name).getByRole("cell").nth(0), seeded["ap-southeast-1"][name as keyof (typeof seeded)["ap-southeast-1"]]);
  }

  // Only repositories with a tag that differs somewhere, then only such tags in the one opened.
  await page.getByRole("group", { name: "Show by outcome" }).getByRole("button", { name: "Different" }).click();
  await expect(page).toHaveURL(/outcome=differs/);
  await expect(repositoryRow(page, "ci-builds")).toHaveCount(0);
  await expect(repositoryRow(page, "nginx")).toHaveCount(1);
  await repositoryRow(page, "nginx").getByRole("button", { name: "nginx", exact: true }).click();
  await expect(page).toHaveURL(/open=nginx/);
  const tags = page.getByRole("table", { name: "Tags of team-a/nginx in each target" });
  await expect(tags.getByRole("rowheader")).toHaveText(["latest"]);
  await expect(tags.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "latest" }) })).toContainText("missing");
  await expect(tags.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "latest" }) })).toContainText("different");

  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByRole("progressbar", { name: "Comparison progress" })).toHaveAttribute("aria-valuetext", "5 of 5 repositories compared");
  await expect(page.getByRole("group", { name: "Show by outcome" }).getByRole("button", { name: "Different" })).toHaveAttribute("aria-pressed", "true");
  await expect(repositoryRow(page, "ci-builds")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Tags of team-a/nginx in each target" }).getByRole("rowheader")).toHaveText(["latest"]);

  // Every outcome again, and the 5,000 tags of ci-builds a page at a time.
  await page.getByRole("group", { name: "Show by outcome" }).getByRole("button", { name: "All" }).click();
  await repositoryRow(page, "ci-builds").getByRole("button", { name: "ci-builds", exact: true }).click();
  const builds = page.getByRole("table", { name: "Tags of team-a/ci-builds in each target" });
  await expect(page.getByRole("navigation", { name: "Tag pages" })).toContainText("Page 1 of 50 · 5,000 tags");
  await expect(builds.getByRole("row")).toHaveCount(101);
  await page.getByRole("navigation", { name: "Tag pages" }).getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/open=ci-builds&page=2/);
  await expect(builds.getByRole("rowheader").first()).toHaveText("build-00101");
});

test("a target the credentials cannot read shows SWR's error on each repository, and the other target is still compared", async ({ page, request }) => {
  await request.put(`${SIM_URL}/__sim/faults`, {
    data: { rules: [{ kind: "error", status: 403, message: "no permission", operations: ["ListRepositoryTags"], region: "cn-east-3" }] },
  });
  await signIn(page, "viewer", TEAM_A);
  await expect(page.getByRole("progressbar", { name: "Comparison progress" })).toHaveAttribute("aria-valuetext", "5 of 5 repositories compared");
  await expect(repositoryRow(page, "nginx").getByRole("cell").nth(1)).toContainText(
    "The dashboard's SWR credentials may not read team-a/nginx in cn-east-3.",
  );
  await expectCounts(repositoryRow(page, "redis").getByRole("cell").nth(0), seeded["ap-southeast-1"].redis);
  await expectCounts(
    page.getByRole("table", { name: "Totals per target" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: "ap-southeast-1/team-a" }) }),
    totalOf("ap-southeast-1"),
  );
  // A viewer compares but does not sync.
  await expect(page.getByRole("button", { name: /^Sync missing/ })).toHaveCount(0);
});

test("a repository's page leads to the comparison of that repository", async ({ page }) => {
  await signIn(page, "viewer", "/repositories/cn-north-4/team-a/redis");
  await page.getByRole("link", { name: "Compare with other regions" }).click();
  const form = page.getByRole("form", { name: "What to compare" });
  await expect(form.getByRole("textbox", { name: "Repository" })).toHaveValue("redis");
  await form.getByRole("combobox", { name: "Target 1 region" }).selectOption("cn-east-3");
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("progressbar", { name: "Comparison progress" })).toHaveAttribute("aria-valuetext", "1 of 1 repository compared");
  const tags = page.getByRole("table", { name: "Tags of team-a/redis in each target" });
  await expect(tags.getByRole("rowheader")).toHaveText(["7.0.15", "7.2.4", "7.2.5", "latest"]);
  await expect(tags.getByRole("cell", { name: "identical" })).toHaveCount(4);
});

test("from a comparison to a job: sync the missing tags, then overwrite the differing one, and the comparison turns identical", async ({ page }) => {
  test.setTimeout(150_000);
  const NGINX = "/compare?region=cn-north-4&namespace=team-a&repository=nginx&target=ap-southeast-1&target=cn-east-3";
  await signIn(page, "operator", NGINX);
  const row = repositoryRow(page, "nginx");
  await expectCounts(row.getByRole("cell").nth(0), seeded["ap-southeast-1"].nginx);

  // Missing somewhere: 1.25.3, 1.25.4, 1.26.0, alpine and latest, to both targets; the plan classes each task.
  await page.getByRole("button", { name: "Sync missing tags of nginx" }).click();
  const dialog = page.getByRole("dialog", { name: "Sync the missing tags of team-a/nginx" });
  await expect(dialog).toContainText("5 tags of 1 repository in cn-north-4/team-a, to:");
  const plan = dialog.getByRole("definition");
  await expect(dialog.getByText("The job will hold 10 tasks (one per tag and target):")).toBeVisible();
  await expect(plan).toHaveText(["8", "0", "1", "1"]);
  await dialog.getByRole("button", { name: "Start the sync" }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText(/^Succeeded/, { timeout: 60_000 });

  await page.goto(NGINX);
  await expectCounts(row.getByRole("cell").nth(0), { missing: 0, identical: 5, differs: 0, only_in_target: 0 });
  await expectCounts(row.getByRole("cell").nth(1), { missing: 0, identical: 4, differs: 1, only_in_target: 1 });

  // Only `latest` still differs, in cn-east-3: overwrite it there (it is identical in ap-southeast-1 now).
  await page.getByRole("button", { name: "Sync missing and differing tags of all 1 repository (overwrite)" }).click();
  const overwrite = page.getByRole("dialog", { name: "Sync the missing and differing tags of all 1 repository" });
  await expect(overwrite).toContainText("Tags that exist in a target with another image will be overwritten.");
  await expect(overwrite.getByRole("definition")).toHaveText(["0", "1", "0", "1"]);
  await overwrite.getByRole("button", { name: "Start the sync" }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText(/^Succeeded/, { timeout: 60_000 });

  await page.goto(NGINX);
  await expectCounts(row.getByRole("cell").nth(1), { missing: 0, identical: 5, differs: 0, only_in_target: 1 });
  // Nothing is left to sync.
  await expect(page.getByRole("button", { name: "Sync missing and differing tags of nginx (overwrite)" })).toBeDisabled();
});
