import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/postgres/client";
import { PrismaClient as SqlitePrismaClient } from "@/prisma/generated/sqlite/client";
import { countDbWrites } from "@/lib/metrics/db-writes";
import { databaseProvider, pgPoolConfig, prepareSqliteFile } from "./database-url";

// No server-only marker: scripts (seed, user:create, demo) build clients outside Next, where the marker throws.

/** The app's one client type: PostgreSQL's API is a superset of SQLite's for the same models. */
export type Db = PrismaClient;

/** A new client for `url`; it connects on its first query. */
export function createPrismaClient(url: string): Db {
  // Every statement passes the driver adapter, so counting there sees each row and transaction (GET /api/metrics).
  if (databaseProvider(url) === "postgres")
    return new PrismaClient({ adapter: countDbWrites(new PrismaPg(pgPoolConfig(url))) });
  const adapter = countDbWrites(new PrismaBetterSQLite3({ url: prepareSqliteFile(url) }));
  // The one cast: both clients come from the same models, so SQLite's satisfies the PostgreSQL type we code against.
  return new SqlitePrismaClient({ adapter }) as unknown as Db;
}

/** The client or an interactive transaction: data-layer functions that take part in a transaction accept either. */
export type DbTx = Db | Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
