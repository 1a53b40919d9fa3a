import { expect, test, type Page } from "@playwright/test";
import { NGINX_ROUTE } from "@/test/fixtures";
import { SIM_URL, signIn, zhTranslator } from "./support";

// The story in Simplified Chinese: every page a person reads, server-made sentences included (a refused sync, tags
// that failed in SWR, an earlier attempt's errors), scanned for English sentences that should have come from the catalog.

const LANDING_MS = 45_000;

/** Three or more English words in a row: a sentence or phrase that escaped the catalog. */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[\s,;:'’]+[A-Za-z]{2,}){2,}/g;
/** Names that are English by nature: the product, SWR's services, HTTP, settings and the simulator's data. */
const ALLOWED = [/^SWR Sync\b/, /^Huawei Cloud/, /^SWR_[A-Z_]+/, /^Bearer /];


/** English runs in the visible text and accessible names of the page, outside code and names marked untranslatable. */
async function englishOn(page: Page): Promise<string[]> {
  const runs = await page.evaluate((source) => {
    const pattern = new RegExp(source, "g");
    const skipped = (el: Element | null) => !el || el.closest("code, pre, kbd, samp, script, style, noscript, [translate='no']") !== null;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (skipped(el) || !el!.checkVisibility()) continue;
      for (const m of (node.textContent ?? "").matchAll(pattern)) found.push(m[0]);
    }
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (skipped(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        for (const m of (el.getAttribute(attr) ?? "").matchAll(pattern)) found.push(`${attr}: ${m[0]}`);
      }
    }
    return found;
  }, ENGLISH_RUN.source);
  return [...new Set(runs.filter((r) => !ALLOWED.some((a) => a.test(r.replace(/^\w+(-\w+)?: /, "")))))];
}

async function expectChinese(page: Page, where: string) {
  await page.waitForLoadState("networkidle");
  expect.soft(await englishOn(page), `English on ${where}`).toEqual([]);
}

async function jobEnded(page: Page, id: string) {
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${id}`)).json()) as { job: { status: string } }).job.status, {
      timeout: LANDING_MS,
    })
    .toMatch(/succeeded|failed|cancelled/);
}

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test("in Simplified Chinese, no page of the story shows an English sentence, server-made ones included", async ({ page, context }) => {
  test.setTimeout(240_000);
  const zh = zhTranslator();
  await signIn(page, "admin");
  const origin = new URL(page.url()).origin;
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: origin }]);

  // A job whose one tag SWR fails, then its retry: task errors and an earlier attempt's record.
  const faults = await page.request.put(`${SIM_URL}/__sim/faults`, {
    data: { syncFailures: [{ region: "cn-north-4", namespace: "team-a", repository: "nginx", tag: "1.25.4", reason: "quota exceeded", count: 2 }] },
  });
  expect(faults.ok()).toBe(true);
  const created = await page.request.post("/api/jobs", {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: { ...NGINX_ROUTE, tags: ["1.25.3", "1.25.4"], override: false },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { job } = (await created.json()) as { job: { id: string } };
  await jobEnded(page, job.id);

  await page.goto(`/jobs/${job.id}`);
  const tasks = page.getByRole("table", { name: zh("job.tasksTitle") });
  await expect(tasks.getByRole("row").filter({ hasText: "1.25.4" })).toContainText("SWR 报告");
  await expectChinese(page, "the job page with a failed tag");

  await page.getByRole("button", { name: zh("job.retryFailed", { count: 1 }) }).click();
  await expect(page.getByRole("heading", { name: zh("job.attemptsHeading") })).toBeVisible({ timeout: LANDING_MS });
  await jobEnded(page, job.id);
  await page.reload();
  await expect(page.getByRole("heading", { name: zh("job.attemptsHeading") })).toBeVisible();
  await expectChinese(page, "the job page with an earlier attempt");

  // A sync the server refuses: the target namespace does not exist.
  await page.goto("/repositories/cn-north-4/team-a/nginx");
  await page.getByRole("checkbox", { name: zh("tags.selectTag", { tag: "1.25.3" }) }).check();
  await page.getByRole("button", { name: zh("tags.syncButton", { count: 1 }) }).click();
  const panel = page.getByRole("dialog");
  await panel.getByRole("combobox", { name: zh("syncPanel.targetRegion") }).selectOption("ap-southeast-1");
  await panel.getByRole("combobox", { name: zh("syncPanel.targetNamespace") }).fill("no-such-namespace");
  await expect(panel.getByRole("alert").first()).toBeVisible({ timeout: 15_000 });
  await expectChinese(page, "the sync panel refusing a missing namespace");
  await page.keyboard.press("Escape");

  for (const path of [
    "/",
    "/repositories?region=cn-north-4&namespace=team-a",
    "/repositories/cn-north-4/team-a/nginx",
    "/jobs",
    "/compare?region=cn-north-4&namespace=team-a&repository=nginx&target=ap-southeast-1&target=cn-east-3",
    "/rules?region=cn-north-4&namespace=team-a",
    "/settings/preferences",
    "/settings/tokens",
    "/admin/users",
    "/admin/audit",
    "/admin/webhooks",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    await expectChinese(page, path);
  }

  // A comparison whose one target refuses the dashboard's credentials: SWR's failure per repository.
  await page.request.put(`${SIM_URL}/__sim/faults`, {
    data: { rules: [{ kind: "error", status: 403, message: "denied", operations: ["ListRepositoryTags"], region: "cn-east-3" }] },
  });
  await page.goto("/compare?region=cn-north-4&namespace=team-a&target=ap-southeast-1&target=cn-east-3");
  await expect(page.getByRole("progressbar", { name: zh("compare.progressLabel") })).toHaveAttribute("aria-valuetext", zh("compare.progress", { done: 5, total: 5 }), { timeout: 30_000 });
  await expectChinese(page, "a comparison with a refusing target");
});
