import "server-only";
import { Gauge, type Registry } from "prom-client";
import type { Db } from "@/lib/db/create-client";
import { JOB_STATUSES } from "@/lib/jobs/states";

// Gauges read from the database at scrape time: jobs by status and tasks by state from the jobs' own counters
// (one grouped query, no task rows), and the engine's lag (one aggregate over the due-jobs index).

/** The task counters every job keeps; `active` is retrying + submitted, `skipped` the tasks in state `skipped_identical`. */
export const TASK_COUNTERS = ["queued", "active", "succeeded", "failed", "cancelled", "skipped", "kept"] as const;

export interface JobGaugeReading {
  jobs: Record<string, number>;
  tasks: Record<(typeof TASK_COUNTERS)[number], number>;
  /** Seconds since the oldest due round that no engine holds was due; 0 when nothing waits. */
  lagSeconds: number;
}

export async function readJobGauges(db: Db, now: Date): Promise<JobGaugeReading> {
  const [groups, due] = await Promise.all([
    db.syncJob.groupBy({
      by: ["status"],
      _count: { _all: true },
      _sum: { queued: true, active: true, succeeded: true, failed: true, cancelled: true, skipped: true, kept: true },
    }),
    // What the engine schedules by (findDueJobIds): a job's nextRoundAt, once due and not held under a live lease.
    db.syncJob.aggregate({
      where: { nextRoundAt: { lte: now }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
      _min: { nextRoundAt: true },
    }),
  ]);
  const jobs: Record<string, number> = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0]));
  const tasks = Object.fromEntries(TASK_COUNTERS.map((c) => [c, 0])) as JobGaugeReading["tasks"];
  for (const g of groups) {
    // A status outside the vocabulary would be a bug elsewhere; it is not turned into a new label value.
    if (g.status in jobs) jobs[g.status] = g._count._all;
    for (const c of TASK_COUNTERS) tasks[c] += g._sum[c] ?? 0;
  }
  const oldest = due._min.nextRoundAt;
  return { jobs, tasks, lagSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 };
}

/**
 * Registers the gauges; each scrape reads the database once for all three (the first gauge's collect reads,
 * the others use that reading). A failed read leaves the series out of that scrape instead of failing it.
 */
export function registerJobGauges(registry: Registry, db: () => Db, now: () => Date = () => new Date()): void {
  let reading: Promise<JobGaugeReading | null> | undefined;
  const read = () =>
    (reading ??= Promise.resolve()
      .then(() => readJobGauges(db(), now()))
      .catch(() => null)
      .finally(() => setTimeout(() => (reading = undefined), 0)));
  new Gauge({
    name: "swr_sync_jobs",
    help: "Sync jobs by status, from the database at scrape time.",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      this.reset();
      const r = await read();
      if (r) for (const [status, n] of Object.entries(r.jobs)) this.set({ status }, n);
    },
  });
  new Gauge({
    name: "swr_sync_tasks",
    help: "Tasks (one tag of a job) by state, summed from the jobs' counters; active = retrying + submitted, skipped = identical in the target.",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      this.reset();
      const r = await read();
      if (r) for (const state of TASK_COUNTERS) this.set({ state }, r.tasks[state]);
    },
  });
  new Gauge({
    name: "swr_sync_engine_lag_seconds",
    help: "Age of the oldest due job round no engine holds (now - its nextRoundAt); 0 when no work waits.",
    registers: [registry],
    async collect() {
      this.reset();
      const r = await read();
      // A gauge without labels reads 0 after a reset: no reading must not look like no lag.
      if (r) this.set(r.lagSeconds);
      else this.remove();
    },
  });
}
