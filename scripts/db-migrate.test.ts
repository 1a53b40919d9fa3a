import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseProvider, pgPoolConfig } from "@/lib/db/database-url";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { migrateDatabase } from "./db-migrate";

const MIGRATIONS = path.resolve(import.meta.dirname, "..", "prisma");
const migrationNames = (provider: string) =>
  fs
    .readdirSync(path.join(MIGRATIONS, provider, "migrations"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

// PostgreSQL: the server of DATABASE_URL when it is one, else this machine's default.
const PG_BASE = process.env.DATABASE_URL?.startsWith("postgres")
  ? process.env.DATABASE_URL
  : "postgresql://postgres@127.0.0.1:5432/postgres";
const pgAvailable = await new pg.Client({ ...pgPoolConfig(PG_BASE), connectionTimeoutMillis: 2000 })
  .connect()
  .then(async (c) => (await c.end(), true))
  .catch(() => false);

async function tablesAndMigrations(url: string): Promise<{ tables: string[]; migrations: string[] }> {
  if (databaseProvider(url) === "sqlite") {
    const sqlite = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      const tables = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[];
      const migrations = sqlite
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL")
        .pluck()
        .all() as string[];
      return { tables, migrations };
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client(pgPoolConfig(url));
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
    );
    const migrations = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    return { tables: tables.rows.map((r) => r.name), migrations: migrations.rows.map((r) => r.name) };
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((d) => d.drop())));

  it("exist under the same names for SQLite and PostgreSQL", () => {
    expect(migrationNames("sqlite").length).toBeGreaterThan(0);
    expect(migrationNames("postgres")).toEqual(migrationNames("sqlite"));
  });

  it.for([
    ["SQLite", "file:", true], // any file: URL makes createTestDatabase use a temp file
    ["PostgreSQL", PG_BASE, pgAvailable],
  ] as const)(
    "deploy to a fresh %s database, then find nothing pending",
    async ([, base, available], { skip }) => {
      if (!available) skip(`no PostgreSQL at ${base}`);
      const database = await createTestDatabase(base);
      databases.push(database);
      const { tables, migrations } = await tablesAndMigrations(database.url);
      expect(tables).toEqual(expect.arrayContaining(["User", "_prisma_migrations"]));
      expect(migrations.sort()).toEqual(migrationNames(databaseProvider(base)));
      expect(await migrateDatabase(database.url)).toContain("No pending migrations to apply.");
    },
  );
});
