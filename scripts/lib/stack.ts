// Starts the whole local stack — SWR simulator, migrated database, Next server — for the demo and the e2e suite.
import { spawn, type ChildProcess } from "node:child_process";
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
}

export interface RunningStack {
  appUrl: string;
  simulator: RunningSimulator;
  stop(): Promise<void>;
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
  const host = o.appHost ?? "127.0.0.1";
  const appUrl = `http://${host}:${o.appPort}`;
  const child = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "-p", String(o.appPort), "-H", host],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: o.databaseUrl,
        NEXTAUTH_SECRET: o.nextAuthSecret,
        NEXTAUTH_URL: appUrl,
        SWR_ENDPOINT: simulator.endpointTemplate,
        IAM_ENDPOINT: simulator.endpointTemplate,
        SWR_AK: simulator.credentials.ak,
        SWR_SK: simulator.credentials.sk,
        ...o.env,
      },
    },
  );
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    await simulator.close();
  };
  try {
    await waitForHttp(`${appUrl}/login`, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { appUrl, simulator, stop };
}
