// Starts the whole local stack — SWR simulator, migrated database, Next server — for the demo, the e2e suite and the bench.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { databaseProvider, sqliteFilePath } from "@/lib/db/database-url";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/simulator/server";
import { migrateDatabase } from "../db-migrate";
import { seedDemoUsers } from "@/prisma/seed";
import { prepareStandalone } from "./standalone";

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
  /** Writes more seed data once the database is migrated and has its users, before the app starts. */
  seed?: (databaseUrl: string) => Promise<void>;
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

export interface AppOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  nextAuthSecret: string;
  /** SWR and IAM endpoint template (`…/{region}`) and the AK/SK to sign with. */
  swrEndpoint: string;
  credentials: { ak: string; sk: string };
  env?: Record<string, string>;
  logFile?: string;
}

export interface RunningApp {
  url: string;
  pid: number;
  /** Resolves when the process has exited, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
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

/**
 * Starts the built app as it ships: `node .next/standalone/server.js` (after `next build`), which changes into its
 * own folder; a relative SQLite path is therefore made absolute first.
 */
export async function startApp(o: AppOptions): Promise<RunningApp> {
  const server = prepareStandalone();
  const host = o.host ?? "127.0.0.1";
  const url = `http://${host}:${o.port}`;
  const databaseUrl = databaseProvider(o.databaseUrl) === "sqlite" ? `file:${sqliteFilePath(o.databaseUrl)}` : o.databaseUrl;
  const log = o.logFile ? fs.openSync(o.logFile, "a") : undefined;
  const child = spawn(process.execPath, [server], {
    stdio: log === undefined ? "inherit" : ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(o.port),
      HOSTNAME: host,
      // The app's own SIGTERM handling (lib/shutdown.ts) lets the engine hand its jobs over before the exit.
      NEXT_MANUAL_SIG_HANDLE: "true",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: o.nextAuthSecret,
      NEXTAUTH_URL: url,
      SWR_ENDPOINT: o.swrEndpoint,
      IAM_ENDPOINT: o.swrEndpoint,
      SWR_AK: o.credentials.ak,
      SWR_SK: o.credentials.sk,
      ...o.env,
    },
  });
  if (log !== undefined) fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = () => terminate(child);
  try {
    await waitForHttp(`${url}/login`, child, 60_000);
    if (child.pid === undefined) throw new Error("the app server did not start");
    return { url, pid: child.pid, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function startStack(o: StackOptions): Promise<RunningStack> {
  await migrateDatabase(o.databaseUrl);
  await seedDemoUsers(o.databaseUrl);
  await o.seed?.(o.databaseUrl);
  const simulator = await startSimulator(o.simulator);
  const front = await o.swrFront?.(simulator).catch(async (error: unknown) => {
    await simulator.close();
    throw error;
  });
  const closeSwr = async () => {
    await front?.close();
    await simulator.close();
  };
  const app = await startApp({
    databaseUrl: o.databaseUrl,
    port: o.appPort,
    host: o.appHost,
    nextAuthSecret: o.nextAuthSecret,
    swrEndpoint: front ? `${front.url}/{region}` : simulator.endpointTemplate,
    credentials: simulator.credentials,
    env: o.env,
    logFile: o.appLogFile,
  }).catch(async (error: unknown) => {
    await closeSwr();
    throw error;
  });
  const stop = async () => {
    await app.stop();
    await closeSwr();
  };
  return { appUrl: app.url, simulator, pid: app.pid, stop };
}
