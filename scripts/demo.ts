// npm run demo — the dashboard with an SQLite database and the built-in SWR simulator; no credentials needed.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { seedDemoHistory } from "@/prisma/demo-history";
import { startStack } from "./lib/stack";

const ROOT = path.resolve(__dirname, "..");
const DATA = path.join(ROOT, "data");
const SOURCES = ["app", "components", "lib", "i18n", "messages", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => existsSync(path.join(ROOT, s)) && newestMtime(path.join(ROOT, s)) > built);
}

/** A session secret kept in data/ so sign-ins survive demo restarts. */
function demoSecret(): string {
  const file = path.join(DATA, ".demo-nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n <= 0 || n > 65535) {
    console.error(`${name} must be a port number, got "${raw}"`);
    process.exit(1);
  }
  return n;
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  if (buildIsStale()) {
    console.log("Building the dashboard (next build)…");
    const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const stack = await startStack({
    databaseUrl: process.env.DATABASE_URL ?? "file:./data/swr-sync.db",
    appPort: port("PORT", 3000),
    // A month of past jobs, so the overview's history charts have something to show from the first visit.
    seed: async (url) => {
      const { created } = await seedDemoHistory(url);
      if (created > 0) console.log(`Added ${created} past sync jobs to the demo's history.`);
    },
    nextAuthSecret: demoSecret(),
    simulator: {
      port: port("SIM_PORT", 4010),
      stateFile: path.join(DATA, "simulator-state.json"),
      syncDelayMs: process.env.SIM_SYNC_DELAY_MS ? Number(process.env.SIM_SYNC_DELAY_MS) : 1500,
    },
    // The simulator syncs in seconds, so the demo polls faster than the production default.
    // Readable log lines in the terminal (pino-pretty); LOG_FORMAT=json shows what production writes.
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      SYNC_POLL_MS: process.env.SYNC_POLL_MS ?? "2000",
      LOG_FORMAT: process.env.LOG_FORMAT ?? "pretty",
    },
  });
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const passwordWidth = Math.max(...DEMO_USERS.map((u) => u.password.length));
  console.log(
    [
      "",
      `SWR Sync is running at ${stack.appUrl}`,
      `SWR simulator: ${stack.simulator.endpointTemplate}`,
      "",
      "Demo sign-ins:",
      ...DEMO_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.password.padEnd(passwordWidth)}  (${u.role})`),
      "",
      "Press Ctrl+C to stop.",
    ].join("\n"),
  );
  const shutdown = () => {
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
