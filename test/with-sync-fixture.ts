// Vitest hooks for engine tests: one fixture per test file, the simulator back to its seed before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { simAdmin } from "@/simulator/testing";
import { startSyncFixture, type SyncFixture } from "./sync-fixture";

/** The file's fixture; usable inside tests (it is filled in before the first one runs). */
export function withSyncFixture(): SyncFixture {
  // Filled by beforeAll: the fixture is a plain object of values and closures, so copying it is enough.
  const fx = {} as SyncFixture;
  beforeAll(async () => {
    Object.assign(fx, await startSyncFixture());
  });
  afterAll(() => fx.close());
  beforeEach(() => simAdmin.reset(fx.sim));
  return fx;
}
