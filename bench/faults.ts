// Throughput under faults: 1,000-tag jobs against a simulator that fails, hangs and drops SWR calls (seeded, so it replays).
import type { BenchDb } from "./databases";
import type { Refresh, ScenarioResult, ScenarioSpec } from "./scenario";
import type { SimFaults } from "./sim-fixtures";

export const FAULT_SEED = 1;
const FAULT_TAGS = 1_000;
/** Progress is looked at this often (finer than the poll interval, so that a stall is seen to within it). */
const FAULT_REFRESH_MS = 250;

interface FaultMix {
  mix: "A" | "B" | "C";
  label: string;
  errors: number;
  hangs: number;
  drops: number;
}

export const FAULT_MIXES: readonly FaultMix[] = [
  { mix: "A", label: "30 % 500s", errors: 0.3, hangs: 0, drops: 0 },
  { mix: "B", label: "30 % 500s, 3 % hangs, 5 % drops", errors: 0.3, hangs: 0.03, drops: 0.05 },
  { mix: "C", label: "50 % 500s, 5 % hangs, 10 % drops", errors: 0.5, hangs: 0.05, drops: 0.1 },
];

/** The simulator takes the first rule that fires: hangs and drops first, so that they fire at their own rates. */
function simFaults({ errors, hangs, drops }: FaultMix): SimFaults {
  return {
    seed: FAULT_SEED,
    rules: [
      ...(hangs > 0 ? [{ kind: "hang" as const, rate: hangs }] : []),
      ...(drops > 0 ? [{ kind: "drop" as const, rate: drops }] : []),
      { kind: "error", status: 500, rate: errors },
    ],
  };
}

/** A, B, B, A (so that B ÷ A is taken in one run with drift evened out), then C. */
export function faultPlan(db: BenchDb, timeoutMs: number): ScenarioSpec[] {
  const byName = new Map(FAULT_MIXES.map((m) => [m.mix, m]));
  const order: [FaultMix["mix"], number][] = [["A", 1], ["B", 1], ["B", 2], ["A", 2], ["C", 1]];
  return order.map(([name, run]) => {
    const mix = byName.get(name)!;
    return { db, tags: FAULT_TAGS, run, timeoutMs, faults: { mix: name, config: simFaults(mix), refreshMs: FAULT_REFRESH_MS } };
  });
}

/**
 * The longest time between two refreshes whose ended count (succeeded + failed) differs, from the first tag that
 * ended; with `from`, only stretches that begin at a refresh it accepts.
 */
export function longestStallMs(refreshes: readonly Refresh[], from: (r: Refresh) => boolean = () => true): number | undefined {
  const moves: Refresh[] = [];
  let ended: number | undefined;
  for (const r of refreshes) {
    const now = r.succeeded + r.failed;
    if (ended !== undefined && now !== ended) moves.push(r);
    ended = now;
  }
  let longest: number | undefined;
  for (let i = 1; i < moves.length; i++) if (from(moves[i - 1]!)) longest = Math.max(longest ?? 0, moves[i]!.at - moves[i - 1]!.at);
  return longest;
}

/** A run's refreshes where the ended count changed (and the first and last): seconds from the first refresh, tags ended, tags queued. */
export function faultTimeline(refreshes: readonly Refresh[]): [number, number, number][] {
  const t0 = refreshes[0]?.at ?? 0;
  const points: [number, number, number][] = [];
  refreshes.forEach((r, i) => {
    const ended = r.succeeded + r.failed;
    const before = refreshes[i - 1];
    if (!before || i === refreshes.length - 1 || before.succeeded + before.failed !== ended)
      points.push([Math.round((r.at - t0) / 10) / 100, ended, r.queued]);
  });
  return points;
}

export interface FaultRun {
  mix: string;
  run: number;
  outcome: ScenarioResult["outcome"];
  error?: string;
  jobStatus?: string;
  succeeded?: number;
  failed?: number;
  durationMs?: number;
  everyTagEnded: boolean;
  allSucceeded: boolean;
  longestStallMs?: number;
  stallPerPoll?: number;
  /** The longest stretch without a tag ending while some tags had not been sent yet (not the tail of retries). */
  stallWhileQueuedMs?: number;
  swrErrors?: number;
}

export interface FaultSummary {
  seed: number;
  tags: number;
  db: BenchDb;
  mixes: { mix: string; label: string }[];
  runs: FaultRun[];
  /** Σ B durations ÷ Σ A durations (A, B, B, A); target ≤ 2. */
  bOverA?: number;
  /** C's longest stretch without a tag ending ÷ the poll interval; target ≤ 1 (to within the refresh step). */
  cStallPerPoll?: number;
  targets: { bOverA: { limit: number; met?: boolean }; cStallPerPoll: { limit: number; met?: boolean } };
}

export function summarizeFaults(results: readonly ScenarioResult[], pollMs: number): FaultSummary {
  const runs: FaultRun[] = results.map((r) => {
    const stall = longestStallMs(r.refreshes ?? []);
    const ended = (r.succeeded ?? 0) + (r.failed ?? 0);
    return {
      mix: r.faults?.mix ?? "?",
      run: r.run,
      outcome: r.outcome,
      error: r.error?.split("\n")[0],
      jobStatus: r.jobStatus,
      succeeded: r.succeeded,
      failed: r.failed,
      durationMs: r.durationMs,
      everyTagEnded: r.outcome === "settled" && ended === r.tags,
      allSucceeded: r.outcome === "settled" && r.succeeded === r.tags,
      longestStallMs: stall,
      stallPerPoll: stall === undefined ? undefined : stall / pollMs,
      stallWhileQueuedMs: longestStallMs(r.refreshes ?? [], (at) => at.queued > 0),
      swrErrors: r.swr?.errors,
    };
  });
  const total = (mix: string) => {
    const of = runs.filter((r) => r.mix === mix);
    return of.length > 0 && of.every((r) => r.everyTagEnded && r.durationMs !== undefined) ? of.reduce((a, r) => a + r.durationMs!, 0) : undefined;
  };
  const a = total("A");
  const b = total("B");
  const bOverA = a && b !== undefined ? b / a : undefined;
  const cStalls = runs.filter((r) => r.mix === "C" && r.everyTagEnded).map((r) => r.stallPerPoll);
  const cStallPerPoll = cStalls.length > 0 && cStalls.every((s) => s !== undefined) ? Math.max(...(cStalls as number[])) : undefined;
  return {
    seed: FAULT_SEED,
    tags: FAULT_TAGS,
    db: results[0]?.db ?? "sqlite",
    mixes: FAULT_MIXES.map(({ mix, label }) => ({ mix, label })),
    runs,
    bOverA,
    cStallPerPoll,
    targets: {
      bOverA: { limit: 2, met: bOverA === undefined ? undefined : bOverA <= 2 },
      cStallPerPoll: { limit: 1, met: cStallPerPoll === undefined ? undefined : cStallPerPoll <= 1 },
    },
  };
}

const n = (v: number | undefined, digits = 2) => (v === undefined ? "—" : v.toFixed(digits));

export function renderFaults(s: FaultSummary, pollMs: number): string {
  const header = ["mix", "run", "outcome", "job s", "all ended", "all succeeded", "longest stall s", "÷poll", "… while tags queued s", "SWR errors"];
  const rows = s.runs.map((r) => [
    r.mix,
    String(r.run),
    r.outcome === "settled" ? `${r.jobStatus ?? "?"} ${r.succeeded ?? 0}+${r.failed ?? 0} failed/${s.tags}` : r.outcome,
    n(r.durationMs === undefined ? undefined : r.durationMs / 1000, 1),
    r.everyTagEnded ? "yes" : "NO",
    r.allSucceeded ? "yes" : "no",
    n(r.longestStallMs === undefined ? undefined : r.longestStallMs / 1000, 2),
    n(r.stallPerPoll),
    n(r.stallWhileQueuedMs === undefined ? undefined : r.stallWhileQueuedMs / 1000, 2),
    r.swrErrors === undefined ? "—" : String(r.swrErrors),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const verdict = (met: boolean | undefined) => (met === undefined ? "—" : met ? "met" : "MISSED");
  return [
    `Faults (${s.db}, ${s.tags.toLocaleString("en")} tags, seed ${s.seed}; set after the warm-up job): ${s.mixes.map((m) => `${m.mix} = ${m.label}`).join("; ")}`,
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
    "",
    `B ÷ A job time (A, B, B, A summed): ${n(s.bOverA)}  (≤ ${s.targets.bOverA.limit}: ${verdict(s.targets.bOverA.met)})`,
    `C longest stretch without a tag ending ÷ poll interval (${pollMs} ms; progress looked at every ${FAULT_REFRESH_MS} ms): ${n(s.cStallPerPoll)}  (≤ ${s.targets.cStallPerPoll.limit}: ${verdict(s.targets.cStallPerPoll.met)})`,
  ].join("\n");
}
