// From a scenario's raw counts to the ratios the issue asks for, and the medians over repeats checked against the targets.
import type { BenchDb } from "./databases";
import type { BenchSettings, ScenarioResult } from "./scenario";

export interface Figures {
  /** Job duration ÷ the simulator's per-tag sync time (2 steps × SIM_SYNC_DELAY_MS). */
  durationRatio?: number;
  /** ⌈tags/chunk⌉ sync_images + 2 per poll round. */
  minSwrCalls?: number;
  swrCallsRatio?: number;
  /** SWR calls other than sync_images, per poll round. */
  swrCallsPerRound?: number;
  /** For a job over several repositories: those calls per round and source repository (records are read per repository). */
  swrCallsPerRoundPerRepository?: number;
  rowsPerTag?: number;
  transactionsPerTag?: number;
  /** Write transactions ÷ (⌈tags/chunk⌉ + 2 × rounds). */
  transactionsRatio?: number;
  pgRowsPerTag?: number;
  /** Every commit PostgreSQL saw in the app's database (reads included), per tag. */
  pgCommitsPerTag?: number;
  /** The ?since= refresh nearest the middle of the job: bytes and tasks listed (null: the whole job came back). */
  midRefresh?: { bytes: number; changed: number | null; complete: boolean | null };
  /** The largest refresh listing at most 100 changed tasks: of the page's, and the warm-up job's 100 tasks. */
  maxRefreshBytesUpTo100Changed?: number;
  /** How many tasks that refresh listed. */
  maxRefreshUpTo100Listed?: number;
  refreshCount?: number;
  rssPeakToIdle?: number;
}

const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || !b ? undefined : a / b);

export function figures(r: ScenarioResult, s: BenchSettings): Figures {
  const perTagSyncMs = 2 * s.syncDelayMs;
  const minimum = r.rounds === undefined ? undefined : Math.ceil(r.tags / s.chunkSize) + 2 * r.rounds;
  const swrTotal = r.swr ? Object.values(r.swr.calls).reduce((a, b) => a + b, 0) : undefined;
  const rows = r.app ? r.app.rows.insert + r.app.rows.update + r.app.rows.delete : undefined;
  const transactions = r.app ? r.app.transactions.explicit + r.app.transactions.autocommit : undefined;
  const pgRows = r.pg ? r.pg.tupInserted + r.pg.tupUpdated + r.pg.tupDeleted : undefined;
  const refreshes = r.refreshes ?? [];
  const mid = refreshes.find((x) => x.succeeded >= r.tags / 2) ?? refreshes.at(-1);
  const [largestUpTo100] = [...refreshes, ...(r.upTo100 ? [r.upTo100] : [])]
    .filter((x) => x.changed !== null && x.changed <= 100 && x.complete !== false)
    .sort((a, b) => b.bytes - a.bytes);
  return {
    durationRatio: ratio(r.durationMs, perTagSyncMs),
    minSwrCalls: minimum,
    swrCallsRatio: ratio(swrTotal, minimum),
    swrCallsPerRound: r.swr && r.rounds ? (swrTotal! - r.swr.calls.sync_images) / r.rounds : undefined,
    swrCallsPerRoundPerRepository: r.swr && r.rounds && r.shape ? (swrTotal! - r.swr.calls.sync_images) / r.rounds / r.shape.repositories : undefined,
    rowsPerTag: ratio(rows, r.tags),
    transactionsPerTag: ratio(transactions, r.tags),
    transactionsRatio: ratio(transactions, minimum),
    pgRowsPerTag: ratio(pgRows, r.tags),
    pgCommitsPerTag: ratio(r.pg?.xactCommit, r.tags),
    midRefresh: mid ? { bytes: mid.bytes, changed: mid.changed, complete: mid.complete } : undefined,
    maxRefreshBytesUpTo100Changed: largestUpTo100?.bytes,
    maxRefreshUpTo100Listed: largestUpTo100?.changed ?? undefined,
    refreshCount: refreshes.length,
    rssPeakToIdle: ratio(r.rss?.peakBytes, r.rss?.idleBytes),
  };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Target {
  name: string;
  /** Which scenarios it applies to. */
  tags?: number;
  limit: number;
  value: (f: Figures) => number | undefined;
}

export const TARGETS: readonly Target[] = [
  { name: "job duration ÷ per-tag sync time", tags: 1_000, limit: 3, value: (f) => f.durationRatio },
  { name: "SWR calls per poll round", tags: 1_000, limit: 2.5, value: (f) => f.swrCallsPerRound },
  { name: "job duration ÷ per-tag sync time (30 repositories × 2 targets)", tags: 1_200, limit: 3, value: (f) => f.durationRatio },
  { name: "SWR calls per poll round and repository (30 × 2)", tags: 1_200, limit: 2.5, value: (f) => f.swrCallsPerRoundPerRepository },
  { name: "row writes per tag", limit: 3, value: (f) => f.rowsPerTag },
  { name: "transactions ÷ (⌈tags/chunk⌉ + 2 × rounds)", limit: 1, value: (f) => f.transactionsRatio },
  {
    name: "refresh bytes, ≤ 100 tasks changed",
    limit: 20_000,
    value: (f) => f.maxRefreshBytesUpTo100Changed,
  },
];

export interface TargetCheck {
  target: string;
  db: BenchDb;
  tags: number;
  limit: number;
  /** The median over the scenario's settled runs. */
  median: number | undefined;
  met: boolean | undefined;
}

export function checkTargets(
  results: readonly { result: ScenarioResult; figures: Figures }[],
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const groups = new Map<string, { db: BenchDb; tags: number; figures: Figures[] }>();
  for (const { result, figures: f } of results) {
    if (result.outcome !== "settled") continue;
    const key = `${result.db}/${result.tags}`;
    const group = groups.get(key) ?? { db: result.db, tags: result.tags, figures: [] };
    group.figures.push(f);
    groups.set(key, group);
  }
  for (const target of TARGETS) {
    for (const group of groups.values()) {
      if (target.tags !== undefined && target.tags !== group.tags) continue;
      const m = median(group.figures.map(target.value).filter((v): v is number => v !== undefined));
      checks.push({
        target: target.name,
        db: group.db,
        tags: group.tags,
        limit: target.limit,
        median: m,
        met: m === undefined ? undefined : m <= target.limit,
      });
    }
  }
  return checks;
}
