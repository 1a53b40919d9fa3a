import "server-only";
import { collectDefaultMetrics, Counter, Registry } from "prom-client";
import { db as appDb, type Db } from "@/lib/db/client";
import {
  DB_LABELS,
  dbWriteTally,
  TRANSACTION_KINDS,
  WRITE_OPS,
  type DbLabel,
  type DbWriteTally,
} from "./db-writes";
import { registerJobGauges } from "./job-gauges";
import { processMetricList } from "./process-metrics";

// The Prometheus registry behind GET /api/metrics: the driver adapter's write tally, the series the SWR client and
// the engine feed, gauges read from the database at scrape time, and Node's process metrics.

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

/**
 * A registry that reads `tally` on every scrape (so nothing else has to call inc()), the process-wide SWR and engine
 * series, the job gauges from `db` (none when null), plus Node's default process metrics.
 */
export function createMetricsRegistry(tally: DbWriteTally = dbWriteTally(), db: (() => Db) | null = appDb): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Series the app's modules feed: SWR calls, engine rounds and leases, webhook deliveries.
  for (const metric of processMetricList()) registry.registerMetric(metric);
  if (db) registerJobGauges(registry, db);
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
