// Starts the whole local stack — SWR simulator, migrated database, Next server — for the demo, the e2e suite and the bench.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/simulator/server";
import { migrateDatabase } from "../db-migrate";
import { seedDemoUsers } from "@/prisma/seed";

export interface StackOptions {
  databaseUrl: string;
  appPort: number;
  appHost?: string;
  simulator: Partial<SimulatorOptions>;
  nextAuthSecret: string;
  /** Extra environment for the Next server. */
  env?: Record<string, string>;
  /** Something to put between the app and the simulator (e.g. a counting proxy); the app's SWR and IAM calls go to its URL. */
  swrFront?: (simulator: RunningSimulator) => Promise<SwrFront>;
  /** Write the Next server's output to this file instead of the terminal. */
  appLogFile?: string;
}

export interface SwrFront {
  /** `http://host:port`, serving the simulator's paths. */
  url: string;
  close(): Promise<void>;
}

export interface RunningStack {
  appUrl: string;
  simulator: RunningSimulator;
  /** The Next server's process ID. */
  pid: number;
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

/** SIGTERM, then SIGKILL if the process is still there after the grace period. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function startStack(o: StackOptions): Promise<RunningStack> {
  await migrateDatabase(o.databaseUrl);
  await seedDemoUsers(o.databaseUrl);
  const simulator = await startSimulator(o.simulator);
  const front = await o.swrFront?.(simulator).catch(async (error: unknown) => {
    await simulator.close();
    throw error;
  });
  const swrEndpoint = front ? `${front.url}/{region}` : simulator.endpointTemplate;
  const host = o.appHost ?? "127.0.0.1";
  const appUrl = `http://${host}:${o.appPort}`;
  const log = o.appLogFile ? fs.openSync(o.appLogFile, "a") : undefined;
  const child = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "-p", String(o.appPort), "-H", host],
    {
      stdio: log === undefined ? "inherit" : ["ignore", log, log],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: o.databaseUrl,
        NEXTAUTH_SECRET: o.nextAuthSecret,
        NEXTAUTH_URL: appUrl,
        SWR_ENDPOINT: swrEndpoint,
        IAM_ENDPOINT: swrEndpoint,
        SWR_AK: simulator.credentials.ak,
        SWR_SK: simulator.credentials.sk,
        ...o.env,
      },
    },
  );
  if (log !== undefined) fs.closeSync(log);
  const stop = async () => {
    await terminate(child);
    await front?.close();
    await simulator.close();
  };
  try {
    await waitForHttp(`${appUrl}/login`, child, 60_000);
    if (child.pid === undefined) throw new Error("the app server did not start");
    return { appUrl, simulator, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
