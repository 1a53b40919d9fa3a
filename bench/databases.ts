// The bench's throwaway databases: a SQLite file in a temp folder, or a uniquely named PostgreSQL database, and PostgreSQL's own counters.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import {
  isLocalDatabase,
  pgDatabaseName,
  pgPoolConfig,
  redactUrl,
  withPgDatabase,
} from "@/lib/db/database-url";
import { dropPgDatabase } from "@/lib/db/pg-admin";

export type BenchDb = "sqlite" | "postgres";

export interface BenchDatabase {
  db: BenchDb;
  /** Not migrated yet: startStack migrates it (and creates the PostgreSQL database). */
  url: string;
  drop(): Promise<void>;
}

/** PostgreSQL backends flush their statistics at most every 10 s while idle (PGSTAT_IDLE_INTERVAL), so wait that long. */
export const PG_STATS_FLUSH_MS = 11_000;

export function createBenchDatabase(db: BenchDb, pgBaseUrl: string, tempDir: string): BenchDatabase {
  if (db === "postgres") {
    if (!isLocalDatabase(pgBaseUrl))
      throw new Error(`the bench creates and drops databases: refusing ${redactUrl(pgBaseUrl)}`);
    const url = withPgDatabase(pgBaseUrl, `swr_sync_bench_${randomUUID().replaceAll("-", "").slice(0, 20)}`);
    return { db, url, drop: () => dropPgDatabase(url) };
  }
  const dir = fs.mkdtempSync(path.join(tempDir, "sqlite-"));
  return {
    db,
    url: `file:${path.join(dir, "bench.db")}`,
    drop: () => fs.promises.rm(dir, { recursive: true, force: true }),
  };
}

/** Fails fast, with the reason, when the PostgreSQL server of `url` does not answer. */
export async function checkPgServer(url: string): Promise<void> {
  const client = new pg.Client({ ...pgPoolConfig(url), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${redactUrl(url)} does not answer (${error instanceof Error ? error.message : String(error)}); start it, or run with --db sqlite`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

// A type, not an interface, so that it fits Record<string, number>.
export type PgCounters = {
  /** Every committed transaction, reads included. */
  xactCommit: number;
  tupInserted: number;
  tupUpdated: number;
  tupDeleted: number;
};

/** pg_stat_database for the database of `url`, read over a connection to the maintenance database (so the read counts there). */
export async function readPgCounters(url: string, waitForFlush = true): Promise<PgCounters> {
  if (waitForFlush) await sleep(PG_STATS_FLUSH_MS);
  const client = new pg.Client({ ...pgPoolConfig(url), database: "postgres" });
  await client.connect();
  try {
    const { rows } = await client.query<Record<keyof PgCounters, string>>(
      `SELECT xact_commit AS "xactCommit", tup_inserted AS "tupInserted", tup_updated AS "tupUpdated", tup_deleted AS "tupDeleted"
         FROM pg_stat_database WHERE datname = $1`,
      [pgDatabaseName(url)],
    );
    const row = rows[0];
    if (!row) throw new Error(`no pg_stat_database row for ${redactUrl(url)}`);
    return {
      xactCommit: Number(row.xactCommit),
      tupInserted: Number(row.tupInserted),
      tupUpdated: Number(row.tupUpdated),
      tupDeleted: Number(row.tupDeleted),
    };
  } finally {
    await client.end();
  }
}
