import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { PoolConfig } from "pg";
import { databaseProvider, pgPoolConfig, prepareSqliteFile, quoteIdent } from "../lib/db/database-url";

// The driver adapter for Prisma's JS schema engine (prisma.config.ts), with the fixes from docs/toolchain.md.

type PgConnection = Awaited<ReturnType<PrismaPg["connect"]>>;
type SqliteConnection = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type PgResult = { fields?: { dataTypeID: number }[] };
type PgIO = { performIO(query: unknown): Promise<PgResult | PgResult[]> };

const PG_CHAR_OID = 18;
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

export function cliAdapter(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  unrefEngineTimeouts();
  return Promise.resolve(databaseProvider(url) === "postgres" ? pgFactory(url) : sqliteFactory(url));
}

function pgFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  // Bug 3: without allowExitOnIdle every CLI command lingers ~10 s on pg's idle timer.
  // Bug 2: separate fields, because a connectionString would override the shadow database's name.
  const config: PoolConfig = { ...pgPoolConfig(url), allowExitOnIdle: true };
  const connect = async (database = config.database) =>
    catalogTypesAsText(await new PrismaPg({ ...config, database }).connect());
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(),
    // Bug 2: the stock shadow database drops itself while still connected; drop it after its pool is closed.
    async connectToShadowDb() {
      const admin = await connect();
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      try {
        await admin.executeScript(`CREATE DATABASE ${quoteIdent(name)}`);
      } catch (error) {
        await admin.dispose();
        throw error;
      }
      const shadow = await connect(name);
      const disposeShadow = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await disposeShadow();
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
  };
}

// Bug 1 (prisma#27403): the pg adapter cannot map catalog columns of type `name`/`"char"`, so report them as text.
function catalogTypesAsText(connection: PgConnection): PgConnection {
  patchPerformIO(connection);
  const startTransaction = connection.startTransaction.bind(connection);
  connection.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    patchPerformIO(transaction);
    return transaction;
  };
  return connection;
}

function patchPerformIO(queryable: object): void {
  const io = queryable as PgIO; // performIO is private in the adapter's typings
  const performIO = io.performIO.bind(queryable);
  io.performIO = async (query) => {
    const result = await performIO(query);
    // A multi-statement script (a migration) yields one result per statement.
    for (const { fields = [] } of Array.isArray(result) ? result : [result]) {
      for (const field of fields) {
        if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID)
          field.dataTypeID = PG_TEXT_OID;
      }
    }
    return result;
  };
}

function sqliteFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  // Without its folder, better-sqlite3 fails and Prisma reports only "External error id#0".
  const factory = new PrismaBetterSQLite3({ url: prepareSqliteFile(url) });
  return {
    provider: "sqlite",
    adapterName: "@prisma/adapter-better-sqlite3",
    connect: async () => scriptsWithoutArgs(await factory.connect()),
    connectToShadowDb: async () => scriptsWithoutArgs(await factory.connectToShadowDb()),
  };
}

// Bug 4: executeRaw prepares a single statement, so replaying a multi-statement migration fails with P3006.
function scriptsWithoutArgs(connection: SqliteConnection): SqliteConnection {
  const executeRaw = connection.executeRaw.bind(connection);
  connection.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !isMultiStatementError(error)) throw error;
      await connection.executeScript(query.sql);
      return 0;
    }
  };
  return connection;
}

function isMultiStatementError(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes("more than one statement");
}

// Bug 5 (not in the doc): the wasm engine's 10 s advisory-lock timeout keeps a finished `migrate deploy` alive 10 s.
// Unref'd, it still fires while a lock wait keeps a socket open, but no longer holds a finished CLI open.
let engineTimeoutsUnrefd = false;

function unrefEngineTimeouts(): void {
  if (engineTimeoutsUnrefd) return;
  engineTimeoutsUnrefd = true;
  const setTimeoutWithRef = globalThis.setTimeout;
  const patched = ((...args: Parameters<typeof setTimeout>) => {
    const timer = setTimeoutWithRef(...args);
    if ((args[1] ?? 0) >= 10_000 && new Error().stack?.includes("wasm://")) timer.unref();
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, setTimeoutWithRef);
}
