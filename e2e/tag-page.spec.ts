import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// The tag page at its full length: the selection bar and its Sync button stay in view at the 100th row, and the pull
// path and each tag's `docker pull` command are a click from the clipboard, the path wrapping only between its parts.

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("at the 100th row of a long tag page the selection bar and Sync stay in view", async ({ page }) => {
  await signIn(page, "operator", "/repositories/cn-north-4/team-a/ci-builds?pageSize=100");
  const rows = page.getByRole("table", { name: "Tags of team-a/ci-builds" }).getByRole("row");
  await expect(rows).toHaveCount(101); // the header row and 100 tags
  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  await last.getByRole("checkbox").check();
  const bar = page.getByRole("group", { name: "Selected tags" });
  await expect(bar.getByRole("status")).toHaveText("1 tag selected");
  await expect(bar).toBeInViewport();
  const sync = bar.getByRole("button", { name: "Sync 1 tag" });
  await expect(sync).toBeInViewport();
  await sync.click();
  await expect(page.getByRole("dialog")).toBeVisible();
});

test("the pull path and each tag's docker pull command copy with one click", async ({ page }) => {
  await signIn(page, "viewer", "/repositories/cn-north-4/team-a/nginx");
  const path = "swr.cn-north-4.myhuaweicloud.com/team-a/nginx";
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  const copyPath = page.getByRole("button", { name: "Copy the pull path" });
  await copyPath.click();
  await expect(copyPath).toHaveText("Copied");
  expect(await clipboard()).toBe(path);

  const copyTag = page.getByRole("button", { name: "Copy “docker pull” for 1.25.4" });
  await copyTag.click();
  await expect(copyTag).toHaveText("Copied");
  expect(await clipboard()).toBe(`docker pull ${path}:1.25.4`);
});

test("in a narrow window the pull path wraps between its parts, never inside a word or at a hyphen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, "viewer", "/repositories/cn-north-4/team-a/nginx");
  const address = page.getByRole("definition").filter({ hasText: "swr.cn-north-4" }).locator("code");
  await expect(address).toHaveText("swr.cn-north-4.myhuaweicloud.com/team-a/nginx");
  // Each part is one box on one line, and the address as a whole takes more than one line.
  const layout = await address.evaluate((code) => ({
    parts: [...code.children].filter((c) => c.tagName === "SPAN").map((span) => span.getClientRects().length),
    lines: new Set([...code.children].filter((c) => c.tagName === "SPAN").map((span) => Math.round(span.getBoundingClientRect().top))).size,
  }));
  expect(layout.parts.every((n) => n === 1)).toBe(true);
  expect(layout.parts.length).toBeGreaterThanOrEqual(5);
  expect(layout.lines).toBeGreaterThan(1);
});
