import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { databaseProvider, withPgDatabase } from "@/lib/db/database-url";
import { createPgDatabaseIfMissing, dropPgDatabase } from "@/lib/db/pg-admin";
import { assertLocalDatabase, createTestDatabase, type TestDatabase } from "@/test/db";
import { dbWriteTally, writeOp, type DbLabel, type DbWriteTally } from "./db-writes";

// Against the real database of this run (SQLite file, or PostgreSQL when DATABASE_URL says so), through the app's own client.

describe("writeOp", () => {
  it.each([
    ['INSERT INTO "main"."User" ("id") VALUES (?)', "insert"],
    ['  update "public"."SyncJob" SET "status" = $1', "update"],
    ['DELETE FROM "Task" WHERE 1 RETURNING "id"', "delete"],
    ['SELECT "id" FROM "User"', undefined],
    ["BEGIN", undefined],
    ["COMMIT", undefined],
    ["CREATE TABLE probe (id INTEGER)", undefined],
    ["inserted_rows", undefined],
  ] as const)("%s → %s", (sql, op) => {
    expect(writeOp(sql)).toBe(op);
  });
});

/** A new database without the app's tables, for raw statements on a probe table of our own. */
async function createEmptyDatabase(baseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (baseUrl && databaseProvider(baseUrl) === "postgres") {
    assertLocalDatabase(baseUrl);
    const url = withPgDatabase(baseUrl, `swr_sync_metrics_${randomUUID().replaceAll("-", "").slice(0, 20)}`);
    await createPgDatabaseIfMissing(url);
    return { url, drop: () => dropPgDatabase(url) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "swr-sync-metrics-"));
  return {
    url: `file:${path.join(dir, "probe.db")}`,
    drop: () => fs.promises.rm(dir, { recursive: true, force: true }),
  };
}

/** What `work` added to the process-wide tally for `db`: rows by op and transactions by kind. */
async function delta(db: DbLabel, work: () => Promise<unknown>) {
  const snapshot = (t: DbWriteTally) => ({
    rows: { ...t.rows[db] },
    transactions: { ...t.transactions[db] },
  });
  const before = snapshot(dbWriteTally());
  await work();
  const after = snapshot(dbWriteTally());
  return {
    insert: after.rows.insert - before.rows.insert,
    update: after.rows.update - before.rows.update,
    delete: after.rows.delete - before.rows.delete,
    explicit: after.transactions.explicit - before.transactions.explicit,
    autocommit: after.transactions.autocommit - before.transactions.autocommit,
  };
}

const none = { insert: 0, update: 0, delete: 0, explicit: 0, autocommit: 0 };

/** A client from lib/db/create-client.ts on a database made by `create`, closed and dropped after the block. */
function withClient(
  create: () => Promise<TestDatabase>,
  setup: (client: Db) => Promise<unknown> = async () => undefined,
) {
  const state: { client?: Db; database?: TestDatabase } = {};
  beforeAll(async () => {
    state.database = await create();
    state.client = createPrismaClient(state.database.url);
    await setup(state.client);
  });
  afterAll(async () => {
    await state.client?.$disconnect();
    await state.database?.drop();
  });
  return {
    get client(): Db {
      if (!state.client) throw new Error("the client exists only inside tests");
      return state.client;
    },
    get db(): DbLabel {
      return databaseProvider(state.database?.url ?? "file:");
    },
  };
}

describe("counting driver adapter, raw statements", () => {
  const probe = withClient(createEmptyDatabase, (client) =>
    client.$executeRawUnsafe("CREATE TABLE metrics_probe (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)"),
  );

  // In order: each statement sees the rows the ones before it left.
  it.each([
    [
      "a multi-row INSERT",
      "execute",
      "INSERT INTO metrics_probe (id, v) VALUES (1, 0), (2, 0), (3, 0)",
      { insert: 3, autocommit: 1 },
    ],
    [
      "an UPDATE of two rows",
      "execute",
      "UPDATE metrics_probe SET v = 1 WHERE id <= 2",
      { update: 2, autocommit: 1 },
    ],
    [
      "a conditional UPDATE that matches nothing (still a transaction)",
      "execute",
      "UPDATE metrics_probe SET v = 2 WHERE id = 99",
      { autocommit: 1 },
    ],
    [
      "DELETE … RETURNING through queryRaw",
      "query",
      "DELETE FROM metrics_probe WHERE id = 3 RETURNING id",
      { delete: 1, autocommit: 1 },
    ],
    ["a SELECT", "query", "SELECT id FROM metrics_probe", {}],
  ] as const)("counts %s", async (_, via, sql, expected) => {
    const run = () =>
      via === "execute" ? probe.client.$executeRawUnsafe(sql) : probe.client.$queryRawUnsafe(sql);
    expect(await delta(probe.db, run)).toEqual({ ...none, ...expected });
  });

  it("counts a committed transaction once, with its rows", async () => {
    const counted = await delta(probe.db, () =>
      probe.client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("INSERT INTO metrics_probe (id, v) VALUES (10, 0)");
        await tx.$executeRawUnsafe("UPDATE metrics_probe SET v = 5");
      }),
    );
    expect(counted).toEqual({ ...none, insert: 1, update: 3, explicit: 1 });
  });

  it("counts nothing for a transaction that rolls back", async () => {
    const counted = await delta(probe.db, async () => {
      await expect(
        probe.client.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("INSERT INTO metrics_probe (id, v) VALUES (20, 0)");
          throw new Error("abandon");
        }),
      ).rejects.toThrow("abandon");
    });
    expect(counted).toEqual(none);
    expect(await probe.client.$queryRawUnsafe("SELECT id FROM metrics_probe WHERE id = 20")).toEqual([]);
  });
});

describe("counting driver adapter, Prisma's own model writes", () => {
  const app = withClient(() => createTestDatabase());

  it("counts the rows of create, updateMany and delete", async () => {
    const { client, db } = app;
    const data = { email: "metrics@example.com", passwordHash: "x" };
    const created = await delta(db, () => client.user.create({ data }));
    expect(created.insert).toBe(1);
    expect(created.explicit + created.autocommit).toBe(1);
    const updated = await delta(db, () =>
      client.user.updateMany({ where: { email: data.email }, data: { name: "M" } }),
    );
    expect(updated).toMatchObject({ insert: 0, update: 1, delete: 0 });
    const deleted = await delta(db, () => client.user.delete({ where: { email: data.email } }));
    expect(deleted).toMatchObject({ insert: 0, update: 0, delete: 1 });
  });
});
