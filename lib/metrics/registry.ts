import "server-only";
import { collectDefaultMetrics, Counter, Registry } from "prom-client";
import {
  DB_LABELS,
  dbWriteTally,
  TRANSACTION_KINDS,
  WRITE_OPS,
  type DbLabel,
  type DbWriteTally,
} from "./db-writes";

// The Prometheus registry behind GET /api/metrics: the driver adapter's write tally plus Node's process metrics.

/** A counter whose series mirror `read(db, key)` for every database this process uses, refreshed on each scrape. */
function mirrorCounter<K extends string>(
  registry: Registry,
  tally: DbWriteTally,
  spec: {
    name: string;
    help: string;
    label: string;
    keys: readonly K[];
    read: (db: DbLabel, key: K) => number;
  },
): void {
  new Counter({
    name: spec.name,
    help: spec.help,
    labelNames: ["db", spec.label],
    registers: [registry],
    collect() {
      this.reset();
      for (const db of DB_LABELS.filter((d) => tally.seen.has(d)))
        for (const key of spec.keys) this.inc({ db, [spec.label]: key }, spec.read(db, key));
    },
  });
}

/** A registry that reads `tally` on every scrape (so nothing else has to call inc()), plus Node's default process metrics. */
export function createMetricsRegistry(tally: DbWriteTally = dbWriteTally()): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  mirrorCounter(registry, tally, {
    name: "swr_sync_db_rows_written_total",
    help: "Rows inserted, updated or deleted by this process (committed), by database and operation.",
    label: "op",
    keys: WRITE_OPS,
    read: (db, op) => tally.rows[db][op],
  });
  mirrorCounter(registry, tally, {
    name: "swr_sync_db_transactions_total",
    help: "Committed write transactions of this process: explicit BEGIN…COMMIT, or a write statement on its own (autocommit).",
    label: "kind",
    keys: TRANSACTION_KINDS,
    read: (db, kind) => tally.transactions[db][kind],
  });
  return registry;
}

// Kept on globalThis so that dev hot reload does not start a second set of default-metric collectors.
const holder = globalThis as typeof globalThis & { swrSyncMetrics?: Registry };

export function metricsRegistry(): Registry {
  holder.swrSyncMetrics ??= createMetricsRegistry();
  return holder.swrSyncMetrics;
}
