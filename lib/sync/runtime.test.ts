import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/test/with-test-database";
import type { SyncSwr } from "./context";
import { startSyncEngine, stopSyncEngine } from "./runtime";

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
    const listeners = process.listenerCount("SIGTERM");
    const engine = startSyncEngine({ swr: unused, log: { info: () => undefined, error: () => undefined } });
    expect(engine.running).toBe(true);
    expect(engine.config).toMatchObject({ chunkSize: 3, pollMs: 2000, leaseMs: 9000, leaseRenewMs: 3000, noProgressMs: 30_000 });
    expect(startSyncEngine({ swr: unused })).toBe(engine);
    expect(process.listenerCount("SIGTERM")).toBe(listeners + 1);
    expect(await engine.runOnce()).toEqual({ jobs: 0 });

    await stopSyncEngine();
    expect(engine.running).toBe(false);
    expect(process.listenerCount("SIGTERM")).toBe(listeners);
  });
});
