// The bench's output: a table per scenario, the targets, and bench/results/latest.json.
import fs from "node:fs";
import path from "node:path";
import type { Figures, TargetCheck } from "./figures";
import type { BenchSettings, ScenarioResult } from "./scenario";

export interface ScenarioReport {
  result: ScenarioResult;
  figures: Figures;
}

const n = (v: number | undefined, digits = 2) => (v === undefined ? "—" : v.toFixed(digits));
const mb = (bytes: number | undefined) => (bytes === undefined ? "—" : (bytes / 1024 / 1024).toFixed(0));

const refreshChanges = (r: { changed: number | null; complete: boolean | null }) =>
  r.changed === null ? "all" : r.complete === false ? "page reload" : String(r.changed);

/** Two tables side by side would be too wide for a terminal: time and SWR calls, then database, refresh and memory. */
function rows({ result: r, figures: f }: ScenarioReport): [string[], string[]] {
  const key = [r.db, r.shape ? `${r.tags} (${r.shape.repositories}×${r.shape.targets})` : String(r.tags), String(r.run)];
  const calls = r.swr?.calls;
  const outcome = r.outcome === "settled" ? `${r.jobStatus ?? "?"} ${r.succeeded ?? 0}/${r.tags}` : r.outcome;
  const seconds = r.durationMs ?? r.wallMs;
  return [
    [
      ...key,
      outcome,
      seconds === undefined ? "—" : `${r.durationMs === undefined ? ">" : ""}${n(seconds / 1000, 1)}`,
      n(f.durationRatio, 1),
      calls ? `${calls.sync_images}/${calls.sync_job}/${calls.tags}/${calls.other}` : "—",
      r.rounds === undefined ? "—" : String(r.rounds),
      n(f.swrCallsRatio),
      n(f.swrCallsPerRound),
      r.swr ? String(r.swr.errors) : "—",
    ],
    [
      ...key,
      n(f.rowsPerTag),
      n(f.transactionsPerTag),
      n(f.transactionsRatio),
      n(f.pgRowsPerTag),
      n(f.pgCommitsPerTag),
      f.midRefresh ? `${f.midRefresh.bytes} (${refreshChanges(f.midRefresh)})` : "—",
      f.maxRefreshBytesUpTo100Changed === undefined
        ? "—"
        : `${f.maxRefreshBytesUpTo100Changed} (${f.maxRefreshUpTo100Listed})`,
      r.rss ? `${mb(r.rss.idleBytes)}→${mb(r.rss.peakBytes)}` : "—",
      n(f.rssPeakToIdle),
      n(r.appCpuSeconds, 1),
    ],
  ];
}

const KEY = ["db", "tags", "run"];
const HEADERS: [string[], string[]] = [
  [
    ...KEY,
    "outcome",
    "job s",
    "÷tag-sync",
    "SWR si/sj/tags/other",
    "rounds",
    "calls÷min",
    "calls/round",
    "SWR errors",
  ],
  [
    ...KEY,
    "rows/tag",
    "tx/tag",
    "tx÷min",
    "pg rows/tag",
    "pg commits/tag",
    "refresh B (changed)",
    "B ≤100 changed",
    "RSS MB",
    "peak÷idle",
    "app CPU s",
  ],
];

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export function renderReport(
  reports: readonly ScenarioReport[],
  checks: readonly TargetCheck[],
  settings: BenchSettings,
): string {
  const split = reports.map(rows);
  const out = [
    table([HEADERS[0], ...split.map((r) => r[0])]),
    "",
    table([HEADERS[1], ...split.map((r) => r[1])]),
  ];
  out.push(
    "",
    `SWR calls: sync_images/sync_job/tags/other through the counting proxy; min = ⌈tags/${settings.chunkSize}⌉ + 2 × rounds, rounds = ⌈job time / ${settings.pollMs} ms⌉.`,
    "rows, tx: the app's own count (GET /api/metrics, committed writes; tx = explicit + autocommit); pg: pg_stat_database (commits include reads).",
    "refresh B: the job page's refresh nearest mid-job: GET /api/jobs/{id}?since=<version> body bytes (tasks listed), plus the page of 100 tasks it reloads when too many changed.",
    "B ≤100 changed: the largest refresh listing at most 100 tasks (of the page's, and one listing the 100-tag warm-up job's every task).",
  );
  for (const r of reports)
    if (r.result.error) out.push(`! ${r.result.db} ${r.result.tags} run ${r.result.run}: ${r.result.error}`);
  if (checks.length > 0) {
    out.push("", "Targets (median over settled runs):");
    const rows = checks.map((c) => [
      c.target,
      c.db,
      String(c.tags),
      n(c.median, c.median !== undefined && c.median >= 1000 ? 0 : 3),
      `≤ ${c.limit}`,
      c.met === undefined ? "—" : c.met ? "met" : "MISSED",
    ]);
    out.push(table([["target", "db", "tags", "median", "limit", ""], ...rows]));
  }
  return out.join("\n");
}

/** Small on purpose (it is committed): per-refresh detail is summarised in the figures, fractions keep 3 decimals. */
export function writeResults(file: string, content: Record<string, unknown>): void {
  const rounded = (_: string, v: unknown) =>
    typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(content, rounded, 2)}\n`);
}
