import pg from "pg";
import { pgDatabaseName, pgPoolConfig, quoteIdent } from "./database-url";

// Creating and dropping whole PostgreSQL databases (db:migrate, test isolation); plain pg, no Prisma.

const DUPLICATE_DATABASE = "42P04";

/** Runs `work` on a connection to the server's maintenance database, as the URL's user. */
async function withMaintenanceConnection<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ ...pgPoolConfig(url), database: "postgres" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL unless it exists; returns whether it was created. */
export function createPgDatabaseIfMissing(url: string): Promise<boolean> {
  const name = pgDatabaseName(url);
  return withMaintenanceConnection(url, async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      // Another process created it between our check and our CREATE.
      if ((error as { code?: string }).code === DUPLICATE_DATABASE) return false;
      throw error;
    }
  });
}

/** Drops the database named in the URL, closing other sessions on it first (PostgreSQL 13+). */
export function dropPgDatabase(url: string): Promise<void> {
  const name = pgDatabaseName(url);
  return withMaintenanceConnection(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
}
