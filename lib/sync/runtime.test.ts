import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { createSwrClient, swrConfigFromEnv, SwrError } from "@/lib/swr";
import { shutdownStops } from "@/lib/shutdown";
import { withTestDatabase } from "@/test/with-test-database";
import { engineReadRetry } from "./config";
import type { SyncSwr } from "./context";
import { engineSwrClient, startSyncEngine, stopSyncEngine } from "./runtime";

// The server process's engine: settings from the environment, one instance, clean stop.

withTestDatabase();
beforeAll(() => {
  vi.stubEnv("SYNC_CHUNK_SIZE", "3");
  vi.stubEnv("SYNC_POLL_MS", "2000");
  vi.stubEnv("SYNC_LEASE_MS", "9000");
  vi.stubEnv("SYNC_NO_PROGRESS_MINUTES", "0.5");
});
afterEach(() => stopSyncEngine());

const fail = () => Promise.reject(new Error("no SWR call expected"));
const unused: SyncSwr = { createManualSync: fail, listSyncJobs: fail, listAllTags: fail };

describe("startSyncEngine", () => {
  it("runs one engine per process with the SYNC_* settings", async () => {
    const engine = startSyncEngine({ swr: unused, log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } });
    expect(engine.running).toBe(true);
    expect(engine.config).toMatchObject({ chunkSize: 3, pollMs: 2000, leaseMs: 9000, leaseRenewMs: 3000, noProgressMs: 30_000 });
    expect(startSyncEngine({ swr: unused })).toBe(engine);
    // Stopped with the process: SIGTERM's shutdown sequence stops it and lets go of its jobs.
    expect(shutdownStops()).toEqual(["sync engine"]);
    expect(await engine.runOnce()).toEqual({ jobs: 0 });

    await stopSyncEngine();
    expect(engine.running).toBe(false);
    expect(shutdownStops()).toEqual([]);
  });
});

describe("engineSwrClient", () => {
  // An SWR that never answers: the engine's call ends at the engine's time limit, never later than the app's.
  it.each([
    ["SYNC_SWR_TIMEOUT_MS", "60000", "200", 0.2],
    ["SWR_TIMEOUT_MS when shorter", "300", "60000", 0.3],
  ])("gives up a hung call after %s", async (_name, appTimeout, engineTimeout, expected) => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const swr = engineSwrClient(
        parseEnv({
          SWR_AK: "ak",
          SWR_SK: "sk",
          SWR_ENDPOINT: `http://127.0.0.1:${port}/{region}`,
          SWR_PROJECT_IDS: "cn-north-4=p1",
          SWR_MAX_ATTEMPTS: "1",
          SWR_TIMEOUT_MS: appTimeout,
          SYNC_SWR_TIMEOUT_MS: engineTimeout,
        }),
      );
      const error = await swr.listSyncJobs("cn-north-4", "team-a", "nginx", {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SwrError);
      expect(error).toMatchObject({ kind: "timeout", message: expect.stringContaining(`within ${expected} s`) });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // SWR fails a read five times, then answers: the engine's client gets there, the dashboard's gives up after its 3 attempts.
  it("tries a failing read twice as often as the dashboard's client, with short waits", async () => {
    let calls = 0;
    const server = http.createServer((_req, res) => {
      calls++;
      if (calls <= 5) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error_code: "SVCSTG.SWR.5000007", error_msg: "internal error" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "content-range": "0-0/0" });
      res.end("[]");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const e = parseEnv({ SWR_AK: "ak", SWR_SK: "sk", SWR_ENDPOINT: `http://127.0.0.1:${port}/{region}`, SWR_PROJECT_IDS: "cn-north-4=p1", SYNC_SWR_TIMEOUT_MS: "400" });
      expect(engineReadRetry(e)).toEqual({ maxAttempts: 6, retry: { baseDelayMs: 100, maxDelayMs: 200 } });
      expect(engineReadRetry({ ...e, SWR_MAX_ATTEMPTS: 1 }).maxAttempts).toBe(1);

      const dashboard = createSwrClient(swrConfigFromEnv(e));
      await expect(dashboard.listSyncJobs("cn-north-4", "team-a", "nginx", {})).rejects.toMatchObject({ status: 500 });
      expect(calls).toBe(3);
      calls = 0;
      await expect(engineSwrClient(e).listSyncJobs("cn-north-4", "team-a", "nginx", {})).resolves.toMatchObject({ items: [] });
      expect(calls).toBe(6);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
