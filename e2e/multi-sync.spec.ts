import { expect, test, type Locator } from "@playwright/test";
import { SEED_LAYOUT, type RepoSpec } from "@/simulator/seed";
import { SIM_URL, signIn } from "./support";

// One job over several repositories and targets, from the repositories page: select nginx and redis of team-a in
// cn-north-4, add two targets, read the plan per target, sync, and follow both targets to the end on the job page.

const SOURCE = { region: "cn-north-4", namespace: "team-a" } as const;
const REPOSITORIES = ["nginx", "redis"] as const;
const TARGETS = [
  { region: "cn-east-3", namespace: "team-a" },
  { region: "ap-southeast-1", namespace: "team-a" },
] as const;
// The engine polls SWR every few seconds; eighteen tasks over two targets land well within this.
const LANDING_MS = 90_000;

function seedRepo(region: string, namespace: string, name: string): RepoSpec | undefined {
  const namespaces = (SEED_LAYOUT as Record<string, readonly { name: string; repos: readonly RepoSpec[] }[]>)[region] ?? [];
  return namespaces.find((n) => n.name === namespace)?.repos.find((r) => r.name === name);
}

function tagsOf(repo: RepoSpec | undefined): string[] {
  if (!repo) return [];
  if (!Array.isArray(repo.tags)) throw new Error(`${repo.name} has generated tags; this spec expects named ones`);
  return [...(repo.tags as readonly string[])];
}

/** What the plan must say for one target, from the simulator's seed: a tag is identical when both sides hold the same image. */
function expectedPlan(target: (typeof TARGETS)[number]) {
  const plan = { new: [] as string[], identical: [] as string[], keep: [] as string[] };
  for (const name of REPOSITORIES) {
    const source = seedRepo(SOURCE.region, SOURCE.namespace, name);
    const there = seedRepo(target.region, target.namespace, name);
    const theirs = new Set(tagsOf(there));
    for (const tag of tagsOf(source)) {
      const variant = (repo: RepoSpec | undefined) => repo?.variants?.[tag];
      const cls = !theirs.has(tag) ? "new" : variant(source) === variant(there) ? "identical" : "keep";
      plan[cls].push(`${name}:${tag}`);
    }
  }
  return plan;
}

const countsLine = (p: ReturnType<typeof expectedPlan>) =>
  `${p.new.length} new · ${p.identical.length} identical (skipped) · ${p.keep.length} ${p.keep.length === 1 ? "differs, kept as it is" : "differ, kept as they are"}`;

async function namesIn(group: Locator, label: string, names: string[]) {
  await group.getByRole("button", { name: `${label} (${names.length})` }).click();
  await expect(group.getByRole("list", { name: label }).getByRole("listitem")).toHaveText(names);
}

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("an operator syncs nginx and redis to cn-east-3 and ap-southeast-1 in one job, sees the plan per target and both targets finish", async ({ page }) => {
  test.setTimeout(LANDING_MS + 60_000);
  const plans = TARGETS.map(expectedPlan);
  // The seed this story relies on: something identical in each target, and a differing tag in cn-east-3.
  expect(plans[0]?.identical).toContain("nginx:1.25.3");
  expect(plans[0]?.keep).toContain("nginx:latest");
  expect(plans[1]?.identical).toContain("redis:7.2.4");
  const perTarget = REPOSITORIES.reduce((n, name) => n + tagsOf(seedRepo(SOURCE.region, SOURCE.namespace, name)).length, 0);

  await signIn(page, "operator", `/repositories?region=${SOURCE.region}&namespace=${SOURCE.namespace}`);
  const list = page.getByRole("table", { name: `Repositories in ${SOURCE.region}` });
  for (const name of REPOSITORIES) await list.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
  const bar = page.getByRole("region", { name: "Selected repositories" });
  await expect(bar.getByRole("status")).toHaveText(`2 repositories selected (${perTarget} tags)`);
  await bar.getByRole("button", { name: "Sync 2 repositories" }).click();

  const panel = page.getByRole("dialog", { name: "Sync 2 repositories of team-a" });
  await expect(panel.getByRole("radio", { name: `Every tag (${perTarget} tags in all)` })).toBeChecked();
  await panel.getByRole("combobox", { name: "Target region" }).selectOption(TARGETS[0].region);
  await panel.getByRole("button", { name: "Add target" }).click();
  const second = panel.getByRole("group", { name: "Target 2" });
  await second.getByRole("combobox", { name: "Target region" }).selectOption(TARGETS[1].region);
  // A new row starts with the source's namespace.
  await expect(second.getByRole("combobox", { name: "Target namespace" })).toHaveValue(SOURCE.namespace);
  await expect(panel.getByRole("group", { name: "Target 1" }).getByRole("combobox", { name: "Target namespace" })).toHaveValue(SOURCE.namespace);
  // The same target twice is refused in place, and a row can be removed again.
  await panel.getByRole("button", { name: "Add target" }).click();
  const third = panel.getByRole("group", { name: "Target 3" });
  await third.getByRole("combobox", { name: "Target region" }).selectOption(TARGETS[0].region);
  await expect(third.getByText("This target is already in the list.")).toBeVisible();
  await expect(third.getByRole("combobox", { name: "Target region" }).getByRole("option", { name: new RegExp(`^${SOURCE.region}`) })).toHaveCount(0);
  await panel.getByRole("button", { name: "Remove target 3" }).click();
  await expect(third).toHaveCount(0);

  // The plan, per target: counts per class, and the identical and differing tags by name.
  const plan = panel.getByRole("region", { name: "Plan" });
  await expect(plan).toContainText(`What happens in 2 targets (${perTarget * 2} tags in all):`);
  for (const [i, target] of TARGETS.entries()) {
    const expected = plans[i]!;
    const group = plan.getByRole("group", { name: `${target.region}/${target.namespace}` });
    await expect(group.getByText(countsLine(expected))).toBeVisible();
    await namesIn(group, "Identical tags (skipped)", expected.identical);
    if (expected.keep.length > 0) await namesIn(group, "Differing tags, kept", expected.keep);
  }
  await panel.getByRole("button", { name: `Sync ${perTarget} tags to 2 targets` }).click();

  // The job page names both repositories and both targets, and follows each to the end.
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sync of 2 repositories → 2 targets" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByRole("list", { name: "Targets (2)" }).getByRole("listitem")).toHaveText(TARGETS.map((t) => new RegExp(`^${t.region} .* · ${t.namespace}$`)));
  await expect(main).toContainText("nginx and redis");
  await expect(page.getByRole("status", { name: "Job status" })).toHaveText(/^Succeeded/, { timeout: LANDING_MS });

  const byTarget = page.getByRole("table", { name: "By target" });
  for (const [i, target] of TARGETS.entries()) {
    const row = byTarget.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `${target.region}/${target.namespace}`, exact: true }) });
    // Finished, then succeeded, identical, kept, failed and cancelled.
    const expected = plans[i]!;
    await expect(row.getByRole("cell")).toHaveText([`${perTarget} of ${perTarget}`, `${expected.new.length}`, `${expected.identical.length}`, `${expected.keep.length}`, "0", "0"]);
  }
  const byRepository = page.getByRole("table", { name: "By repository" });
  for (const name of REPOSITORIES) {
    const tags = tagsOf(seedRepo(SOURCE.region, SOURCE.namespace, name)).length * TARGETS.length;
    const row = byRepository.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
    await expect(row.getByRole("cell").first()).toHaveText(`${tags} of ${tags}`);
  }

  // The tag table names each task's repository and target, and narrows to one of each.
  const tasks = page.getByRole("table", { name: "Tags" });
  await expect(tasks.getByRole("columnheader", { name: "Repository" })).toBeVisible();
  await expect(tasks.getByRole("columnheader", { name: "Target" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Tag pages" })).toContainText(`${perTarget * 2} tags`);
  const scope = page.getByRole("group", { name: "Show tags by repository and target" });
  await scope.getByRole("combobox", { name: "Target" }).selectOption(`${TARGETS[1].region}/${TARGETS[1].namespace}`);
  await scope.getByRole("combobox", { name: "Repository" }).selectOption("redis");
  const redisTags = tagsOf(seedRepo(SOURCE.region, SOURCE.namespace, "redis"));
  await expect(tasks.getByRole("rowheader")).toHaveCount(redisTags.length);
  await expect(tasks.getByRole("rowheader")).toHaveText([...redisTags].sort());
  for (const row of await tasks.getByRole("row").filter({ has: page.getByRole("rowheader") }).all()) {
    await expect(row.getByRole("cell").nth(0)).toHaveText("redis");
    await expect(row.getByRole("cell").nth(1)).toHaveText(`${TARGETS[1].region}/${TARGETS[1].namespace}`);
  }

  // The history names the first repository and target and how many more.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sync jobs" }).click();
  const newest = page.getByRole("table", { name: "Sync jobs, newest first" }).getByRole("row").nth(1);
  await expect(newest).toContainText("cn-north-4 team-a/nginx +1 more");
  await expect(newest).toContainText("cn-east-3 team-a +1");
});
