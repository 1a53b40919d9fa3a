// The SWR simulator in a process of its own (`npm run sim`), as SWR is a service apart from the app and its callers.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { SwrFront } from "@/scripts/lib/stack";

const ROOT = path.resolve(import.meta.dirname, "..");
const START_TIMEOUT_MS = 60_000;

/** Starts `simulator/main.ts` on `port`; resolves once it answers, to its URL and a stop that waits for its exit. */
export async function startSimulatorProcess(o: { port: number; syncDelayMs: number; logFile: string }): Promise<SwrFront> {
  const log = fs.openSync(o.logFile, "a");
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["simulator/main.ts"], {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: { ...process.env, SIM_HOST: "127.0.0.1", SIM_PORT: String(o.port), SIM_SYNC_DELAY_MS: String(o.syncDelayMs) },
  });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const url = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the simulator exited with code ${child.exitCode} (log: ${o.logFile})`);
    try {
      if ((await fetch(`${url}/__sim/health`, { signal: AbortSignal.timeout(2_000) })).ok) return { url, close };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`the simulator did not answer at ${url} within ${START_TIMEOUT_MS / 1000} s`);
    }
    await sleep(250);
  }
}
