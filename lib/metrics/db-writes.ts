import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";

// Counts the rows and transactions the app writes, below Prisma: every statement passes through the driver adapter.
// No server-only marker: lib/db/create-client.ts imports this, and scripts build clients outside Next.

export const DB_LABELS = ["sqlite", "postgres"] as const;
export const WRITE_OPS = ["insert", "update", "delete"] as const;
/** explicit: a committed BEGIN … COMMIT; autocommit: a write statement run on its own. */
export const TRANSACTION_KINDS = ["explicit", "autocommit"] as const;

export type DbLabel = (typeof DB_LABELS)[number];
export type WriteOp = (typeof WRITE_OPS)[number];
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

type Counts<K extends string> = Record<K, number>;

export interface DbWriteTally {
  rows: Record<DbLabel, Counts<WriteOp>>;
  transactions: Record<DbLabel, Counts<TransactionKind>>;
  /** The databases this process has connected to, so metrics list no series for the other. */
  seen: Set<DbLabel>;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

export function emptyTally(): DbWriteTally {
  return {
    rows: { sqlite: zeros(WRITE_OPS), postgres: zeros(WRITE_OPS) },
    transactions: { sqlite: zeros(TRANSACTION_KINDS), postgres: zeros(TRANSACTION_KINDS) },
    seen: new Set(),
  };
}

// On globalThis: Next bundles the engine (instrumentation) and the route handlers apart, each with its own module copies.
const holder = globalThis as typeof globalThis & { swrSyncDbWrites?: DbWriteTally };

/** The process-wide tally that lib/db/create-client.ts feeds and GET /api/metrics reads. */
export function dbWriteTally(): DbWriteTally {
  holder.swrSyncDbWrites ??= emptyTally();
  return holder.swrSyncDbWrites;
}

/** The write a statement makes, from its first keyword (Prisma's own SQL carries no leading comments or CTEs). */
export function writeOp(sql: string): WriteOp | undefined {
  const keyword = /^\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase();
  return WRITE_OPS.find((op) => op === keyword);
}

/** Makes `factory`'s connections count into `tally`; the factory itself is returned, patched in place. */
export function countDbWrites<F extends SqlDriverAdapterFactory>(
  factory: F,
  tally: DbWriteTally = dbWriteTally(),
): F {
  const db: DbLabel = factory.provider === "postgres" ? "postgres" : "sqlite";
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    tally.seen.add(db);
    return countAdapter(await connect(), db, tally);
  };
  return factory;
}

function countAdapter(adapter: SqlDriverAdapter, db: DbLabel, tally: DbWriteTally): SqlDriverAdapter {
  countStatements(adapter, (op, rows) => {
    tally.rows[db][op] += rows;
    tally.transactions[db].autocommit += 1;
  });
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    countTransaction(await startTransaction(isolationLevel), db, tally);
  return adapter;
}

// Rows written inside a transaction count only once it commits; a rollback discards them.
function countTransaction(transaction: Transaction, db: DbLabel, tally: DbWriteTally): Transaction {
  const pending = zeros(WRITE_OPS);
  countStatements(transaction, (op, rows) => {
    pending[op] += rows;
  });
  const commit = transaction.commit.bind(transaction);
  transaction.commit = async () => {
    await commit();
    for (const op of WRITE_OPS) tally.rows[db][op] += pending[op];
    tally.transactions[db].explicit += 1;
  };
  return transaction;
}

/** Reports each successful INSERT/UPDATE/DELETE with its rows: affected (executeRaw) or returned (… RETURNING via queryRaw). */
function countStatements(queryable: SqlQueryable, record: (op: WriteOp, rows: number) => void): void {
  const executeRaw = queryable.executeRaw.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.executeRaw = async (query) => {
    const affected = await executeRaw(query);
    const op = writeOp(query.sql);
    if (op) record(op, affected);
    return affected;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const op = writeOp(query.sql);
    if (op) record(op, result.rows.length);
    return result;
  };
}
