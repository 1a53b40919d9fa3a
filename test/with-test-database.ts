// Vitest hooks that point db() (and so the whole data layer) at a fresh test database for one test file.
import { afterAll, beforeAll, vi } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "./db";

export function withTestDatabase(): { readonly url: string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    vi.stubEnv("DATABASE_URL", database.url);
    // env() insists on SWR credentials; these tests never reach SWR.
    if (!process.env.SWR_AK) {
      vi.stubEnv("SWR_AK", "test-ak");
      vi.stubEnv("SWR_SK", "test-sk");
    }
  });
  afterAll(async () => {
    await disconnectDb();
    vi.unstubAllEnvs();
    await database?.drop();
  });
  return {
    get url() {
      if (!database) throw new Error("the test database exists only inside tests");
      return database.url;
    },
  };
}
