import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SIM_URL, signIn } from "./support";

// The product's main story, end to end in the browser: browse → select → sync → watch → history → CSV.

const TAGS = ["1.25.3", "1.25.4", "1.26.0"];
// The engine polls SWR every few seconds; three tags land well within this.
const LANDING_MS = 45_000;

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("an operator syncs three nginx tags to ap-southeast-1, watches them land and finds the job in the history", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "operator");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Repositories" }).click();
  const filters = page.getByRole("search", { name: "Filter repositories" });
  await filters.getByRole("combobox", { name: "Source region" }).selectOption("cn-north-4");
  await filters.getByRole("combobox", { name: "Namespace" }).selectOption("team-a");
  await page
    .getByRole("table", { name: "Repositories in cn-north-4" })
    .getByRole("link", { name: "nginx", exact: true })
    .click();

  for (const tag of TAGS) await page.getByRole("checkbox", { name: `Select tag ${tag}` }).check();
  await page.getByRole("button", { name: "Sync 3 tags" }).click();

  const panel = page.getByRole("dialog", { name: "Sync 3 tags of team-a/nginx" });
  await panel.getByRole("combobox", { name: "Target region" }).selectOption("ap-southeast-1");
  await panel.getByRole("combobox", { name: "Target namespace" }).fill("team-a");
  await expect(panel.getByText("team-a exists in ap-southeast-1.")).toBeVisible();
  // The server's plan names what will be copied before anything starts.
  await expect(panel.getByText("3 new · 0 identical (skipped) · 0 differ, kept as they are")).toBeVisible();
  await panel.getByRole("button", { name: "New tags (3)" }).click();
  await expect(panel.getByRole("list", { name: "New tags" }).getByRole("listitem")).toHaveText(TAGS);
  await panel.getByRole("button", { name: "Sync 3 tags" }).click();

  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  const jobPath = new URL(page.url()).pathname;
  const jobId = decodeURIComponent(jobPath.split("/").at(-1) ?? "");
  await expect(
    page.getByRole("heading", { level: 1, name: "Sync of team-a/nginx to ap-southeast-1" }),
  ).toBeVisible();
  await expect(page.getByRole("main").getByText("operator@example.com", { exact: true })).toBeVisible();

  const tasks = page.getByRole("table", { name: "Tags" });
  await expect(page.getByRole("progressbar", { name: "Sync progress" })).toHaveAttribute(
    "aria-valuenow",
    "100",
    {
      timeout: LANDING_MS,
    },
  );
  for (const tag of TAGS) {
    const row = tasks
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: tag, exact: true }) });
    await expect(row).toContainText("succeeded");
  }
  await expect(page.getByText("3 of 3 tags finished (100%)")).toBeVisible();
  await expect(page.getByText("Every tag has finished")).toBeVisible();

  // The history, narrowed to this repository and person, through the filter form.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sync jobs" }).click();
  const form = page.getByRole("search", { name: "Filter sync jobs" });
  await form.getByRole("textbox", { name: "Repository" }).fill("nginx");
  await form.getByRole("textbox", { name: "Started by (email)" }).fill("operator@example.com");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/jobs\?repository=nginx&user=operator%40example\.com$/);

  const history = page.getByRole("table", { name: "Sync jobs, newest first" });
  const newest = history.getByRole("row").nth(1);
  await expect(newest).toContainText("cn-north-4 team-a/nginx");
  await expect(newest).toContainText("ap-southeast-1 team-a");
  await expect(newest).toContainText("3 ok · 0 failed · 3 total");
  await expect(newest).toContainText("Succeeded");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain("id,status");
  expect(lines.find((line) => line.startsWith(`${jobId},`))).toContain("succeeded");
  // Every job listed is the operator's, from team-a of cn-north-4, over nginx: its only repository, or one of several
  // (a job over many names its first repository and says how many it has).
  const header = lines[0]!.split(",");
  const cell = (line: string, column: string) => line.split(",")[header.indexOf(column)];
  for (const line of lines.slice(1)) {
    expect(line).toContain(",operator@example.com,cn-north-4,team-a,");
    if (cell(line, "repositoryCount") === "1") expect(cell(line, "sourceRepository"), line).toBe("nginx");
    else expect(Number(cell(line, "repositoryCount")), line).toBeGreaterThan(1);
  }

  await newest.getByRole("link", { name: /^Open the sync of team-a\/nginx/ }).click();
  await expect(page).toHaveURL(jobPath);

  // The overview lists it among the recent jobs and counts it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  const recent = page.getByRole("region", { name: "Recent sync jobs" });
  await expect(
    recent.getByRole("link", { name: "cn-north-4 team-a/nginx to ap-southeast-1 team-a" }).first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Sync jobs by status" })
      .getByRole("link", { name: /Succeeded — show these jobs$/ }),
  ).not.toHaveText("0");
});
