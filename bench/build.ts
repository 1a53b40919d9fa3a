// The bench runs the production build: build it when .next is missing or older than the sources, never beside another build.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const SOURCES = [
  "app",
  "components",
  "lib",
  "i18n",
  "messages",
  "prisma/generated",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "next.config.ts",
  "package-lock.json",
];
const OTHER_BUILD_WAIT_MS = 15 * 60_000;

function newestMtime(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(file) ? 0 : stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((entry) => newestMtime(path.join(file, entry))));
}

/** Why the build in `root/.next` cannot be used, or undefined when it is current. */
export function staleBuildReason(root: string): string | undefined {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "there is no production build (.next/BUILD_ID)";
  const built = fs.statSync(buildId).mtimeMs;
  const changed = SOURCES.find((s) => newestMtime(path.join(root, s)) > built);
  return changed ? `${changed} changed after the last build` : undefined;
}

function otherBuildRunning(): boolean {
  try {
    return execFileSync("pgrep", ["-f", "next build"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false; // pgrep exits 1 when nothing matches
  }
}

export function assertBuildCurrent(root: string): void {
  const reason = staleBuildReason(root);
  if (reason) throw new Error(`${reason}: run \`npm run build\` first (or drop --no-build)`);
}

/** Waits for someone else's `next build` to end, then builds if the build is still missing or stale. */
export async function ensureBuild(root: string): Promise<void> {
  const deadline = Date.now() + OTHER_BUILD_WAIT_MS;
  while (otherBuildRunning()) {
    if (Date.now() > deadline)
      throw new Error("another `next build` has been running for 15 minutes; try again later");
    console.log("waiting for another `next build` to finish …");
    await sleep(5_000);
  }
  const reason = staleBuildReason(root);
  if (!reason) return;
  console.log(`${reason}: running next build …`);
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}
