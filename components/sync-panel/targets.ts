import { MAX_TARGETS_PER_JOB } from "@/lib/jobs/limits";

// The sync panel's list of targets as pure functions: rows in the order the person added them.

export interface TargetRow {
  /** Stable while the row lives, so React keeps each row's input state apart. */
  key: number;
  region: string;
  namespace: string;
}

/** One empty row: no region yet, the source's namespace name (a copy usually keeps it). */
export const firstTargets = (sourceNamespace: string): TargetRow[] => [{ key: 0, region: "", namespace: sourceNamespace }];

export function addTarget(rows: readonly TargetRow[], sourceNamespace: string): TargetRow[] {
  if (rows.length >= MAX_TARGETS_PER_JOB) return [...rows];
  const key = rows.reduce((max, r) => Math.max(max, r.key), -1) + 1;
  return [...rows, { key, region: "", namespace: sourceNamespace }];
}

/** Every row but `key`; the only row stays (a sync has at least one target). */
export function removeTarget(rows: readonly TargetRow[], key: number): TargetRow[] {
  return rows.length <= 1 ? [...rows] : rows.filter((r) => r.key !== key);
}

export function updateTarget(rows: readonly TargetRow[], key: number, patch: Partial<Omit<TargetRow, "key">>): TargetRow[] {
  return rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
}

/** Rows that name the same region and namespace as an earlier row: the job takes each target once. */
export function duplicateTargets(rows: readonly TargetRow[]): Set<number> {
  const seen = new Set<string>();
  const twice = new Set<number>();
  for (const r of rows) {
    if (r.region === "") continue;
    const id = `${r.region}/${r.namespace.trim()}`;
    if (seen.has(id)) twice.add(r.key);
    seen.add(id);
  }
  return twice;
}
