import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buildPages, bundleReport } from "@/bench/bundle";
import { FIRST_LOAD_BUDGET_BYTES, htmlChunks } from "@/bench/bundle-figures";
import { sameOrigin } from "./api-session";
import { signIn } from "./support";

// Every page's first-load JS stays within the budget (bench/bundle.ts reads it from the build's manifests), and the
// manifests name every script the page's HTML loads, so the figure never leaves out what a browser fetches. The
// manifest may name a few more: the chunks of client components a page renders only in some states (the HTML loads
// those only when they are rendered), so the figure is the page's first load at its heaviest.

const ROOT = path.resolve(__dirname, "..");
const pages = buildPages(ROOT);
/** The chunks every page's manifest names (the framework's and the root layout's): each page's HTML loads all of them. */
const shared = pages.reduce<string[]>((common, p) => common.filter((c) => p.chunks.includes(c)), pages[0]?.chunks ?? []);

/** Where each page of the build is seen; a new page with a parameter needs its address here. */
function addressOf(route: string, jobId: string): string | null {
  if (route === "/_global-error") return null; // shown only when the root layout fails
  if (route === "/_not-found") return "/no-such-page";
  if (route === "/jobs/[id]") return `/jobs/${encodeURIComponent(jobId)}`;
  if (route === "/repositories/[region]/[namespace]/[...repository]") return "/repositories/cn-north-4/team-a/nginx";
  if (route.includes("[")) throw new Error(`no address for ${route}: add one to e2e/bundle.spec.ts`);
  return route;
}

/**
 * The page's HTML as the server sends it (for a page that redirects, the HTML of where it leads), fetched with the
 * signed-in context's cookies but without running the page, so no script of the page before can interfere.
 */
async function scriptsOf(page: Page, address: string): Promise<{ chunks: string[]; redirected: boolean }> {
  const response = await page.request.get(address, { headers: { Accept: "text/html" } });
  expect([200, 404], address).toContain(response.status()); // 404: the not-found page
  const redirected = new URL(response.url()).pathname !== new URL(address, response.url()).pathname;
  return { chunks: htmlChunks(await response.text()), redirected };
}

test("every page's first-load JS is within the budget", () => {
  const over = bundleReport(ROOT).pages.filter((p) => p.gzipBytes > FIRST_LOAD_BUDGET_BYTES);
  expect(over.map((p) => `${p.route}: ${(p.gzipBytes / 1000).toFixed(1)} kB`)).toEqual([]);
});

test("the manifests name every script each page's HTML loads", async ({ page, baseURL }) => {
  test.setTimeout(5 * 60_000); // every page of the app, one after the other
  expect(shared.length).toBeGreaterThan(0);
  const login = pages.find((p) => p.route === "/login");
  expect(login).toBeDefined();
  expect((await scriptsOf(page, "/login")).chunks.filter((c) => !login!.chunks.includes(c))).toEqual([]);

  await signIn(page, "admin");
  const job = await page.request.post("/api/jobs", {
    headers: sameOrigin(baseURL!),
    data: {
      sourceRegion: "cn-north-4",
      sourceNamespace: "team-a",
      sourceRepository: "nginx",
      targetRegion: "cn-east-3",
      targetNamespace: "team-a",
      tagSelector: { all: true },
      override: false,
    },
  });
  expect([200, 201]).toContain(job.status()); // 200: the same job was already running
  const jobId = ((await job.json()) as { job: { id: string } }).job.id;

  let compared = 0;
  for (const { route, chunks } of pages) {
    const address = route === "/login" ? null : addressOf(route, jobId);
    if (address === null) continue;
    const seen = await scriptsOf(page, address);
    if (seen.redirected) continue; // e.g. /admin → /admin/users: that page is checked on its own
    expect(shared.filter((c) => !seen.chunks.includes(c)), `shared scripts missing from ${address} (${route})`).toEqual([]);
    expect(seen.chunks.filter((c) => !chunks.includes(c)), `scripts of ${address} (${route}) the manifests leave out`).toEqual([]);
    compared++;
  }
  expect(compared).toBeGreaterThanOrEqual(pages.length - 3);
});
