// A fresh, migrated database per test file (or e2e run): a temp SQLite file, or a new database on a local PostgreSQL.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseProvider, isLocalDatabase, redactUrl, withPgDatabase } from "@/lib/db/database-url";
import { dropPgDatabase } from "@/lib/db/pg-admin";
import { migrateDatabase } from "@/scripts/db-migrate";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Tests create and drop databases: refuse any server but this machine's. */
export function assertLocalDatabase(url: string): void {
  if (!isLocalDatabase(url)) {
    throw new Error(
      `Refusing to run tests against ${redactUrl(url)}: only localhost, 127.0.0.1, ::1 or a Unix socket.`,
    );
  }
}

/** PostgreSQL when `baseUrl` (default: DATABASE_URL) is a postgresql:// URL, else SQLite. */
export async function createTestDatabase(baseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (baseUrl && databaseProvider(baseUrl) === "postgres") {
    assertLocalDatabase(baseUrl);
    const url = withPgDatabase(baseUrl, `swr_sync_test_${randomUUID().replaceAll("-", "").slice(0, 20)}`);
    const drop = () => dropPgDatabase(url);
    await migrateDatabase(url).catch(async (error: unknown) => {
      await drop().catch(() => undefined);
      throw error;
    });
    return { url, drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "swr-sync-test-"));
  const drop = () => fs.promises.rm(dir, { recursive: true, force: true });
  const url = `file:${path.join(dir, "test.db")}`;
  await migrateDatabase(url).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return { url, drop };
}
