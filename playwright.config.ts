import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_WORKERS, stackPorts } from "./e2e/ports";

// The config is read again in every worker, where TEST_PARALLEL_INDEX picks that worker's stack.
const appPort = stackPorts().app;
const lastAppPort = stackPorts(E2E_WORKERS - 1).app;
// Debian's Chromium when present (browsers cannot be downloaded here), else Playwright's own.
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// Specs whose outcome the database cannot change: they check SWR reads, headers, pages, bundles and API documents.
// `npm run test:database` (a second database after a full `npm test`, as CI runs PostgreSQL) leaves them out;
// every other spec runs on each database.
const DATABASE_INDEPENDENT = ["accessibility", "api-docs", "browse", "bundle", "security-headers", "sign-in-errors", "sync-regions", "tag-page", "theme"];

export default defineConfig({
  testDir: "e2e",
  testIgnore: process.env.E2E_DATABASE_ONLY ? DATABASE_INDEPENDENT.map((name) => `**/${name}.spec.ts`) : undefined,
  // Specs run one file at a time per worker; each worker has a stack of its own (e2e/ports.ts), so files never
  // share a simulator or a database. Most of a spec's time is spent waiting for pages and jobs, not computing.
  fullyParallel: false,
  workers: E2E_WORKERS,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // One process starts every worker's stack, one after the other: the last one answering means all are up.
    command: "tsx scripts/e2e-server.ts",
    env: { E2E_STACKS: String(E2E_WORKERS) },
    url: `http://127.0.0.1:${lastAppPort}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
