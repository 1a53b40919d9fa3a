// The proxy-ratio figures from raw latencies: percentiles, ratios per round and over the run, and the targets. Pure.

/** The p-th percentile (0–100) by nearest rank; undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** One round: the same number of requests through the app and directly, one side after the other. */
export interface ProxyRound {
  appMs: number[];
  directMs: number[];
}

export interface ProxyFigures {
  appP50: number;
  directP50: number;
  /** app p50 ÷ direct p50 over every round's requests. */
  ratio: number;
  /** app p50 − direct p50: what the app adds to one request. */
  overheadMs: number;
  /** The lowest and highest ratio of a single round: how much the machine drifted during the run. */
  roundRatios: { min: number; max: number };
  requests: number;
}

export function proxyFigures(rounds: readonly ProxyRound[]): ProxyFigures | undefined {
  const appP50 = percentile(rounds.flatMap((r) => r.appMs), 50);
  const directP50 = percentile(rounds.flatMap((r) => r.directMs), 50);
  if (appP50 === undefined || directP50 === undefined) return undefined;
  const perRound = rounds.flatMap((r) => {
    const a = percentile(r.appMs, 50);
    const d = percentile(r.directMs, 50);
    return a === undefined || d === undefined ? [] : [a / d];
  });
  return {
    appP50,
    directP50,
    ratio: appP50 / directP50,
    overheadMs: appP50 - directP50,
    roundRatios: { min: Math.min(...perRound), max: Math.max(...perRound) },
    requests: rounds.reduce((n, r) => n + r.appMs.length + r.directMs.length, 0),
  };
}

/** The list routes at most this many times a direct call, at p50, with SWR answering in 30 ms. */
export const PROXY_RATIO_TARGET = 1.15;
/** With SWR answering at once, what the app adds to the 5-tag page at p50. */
export const PROXY_OVERHEAD_TARGET_MS = 2;

export interface ProxyMeasurement {
  /** tags-5, tags-100, repositories-20. */
  scenario: string;
  latencyMs: number;
  clients: number;
  figures: ProxyFigures;
}

export interface ProxyCheck {
  target: string;
  limit: number;
  value: number;
  met: boolean;
}

/** Every ratio at the injected latency against PROXY_RATIO_TARGET, and the 5-tag page's overhead without latency. */
export function checkProxyTargets(measurements: readonly ProxyMeasurement[]): ProxyCheck[] {
  const checks: ProxyCheck[] = [];
  for (const m of measurements) {
    if (m.latencyMs > 0) {
      const target = `${m.scenario}, ${m.clients} client${m.clients === 1 ? "" : "s"}, SWR ${m.latencyMs} ms: app p50 ÷ direct p50`;
      checks.push({ target, limit: PROXY_RATIO_TARGET, value: m.figures.ratio, met: m.figures.ratio <= PROXY_RATIO_TARGET });
    } else if (m.scenario === "tags-5" && m.clients === 1) {
      const target = `${m.scenario}, 1 client, SWR at once: app p50 − direct p50 (ms)`;
      const value = m.figures.overheadMs;
      checks.push({ target, limit: PROXY_OVERHEAD_TARGET_MS, value, met: value <= PROXY_OVERHEAD_TARGET_MS });
    }
  }
  return checks;
}

const f = (v: number, digits = 2) => v.toFixed(digits);

export function renderProxy(measurements: readonly ProxyMeasurement[], checks: readonly ProxyCheck[]): string {
  const header = ["scenario", "SWR ms", "clients", "requests", "app p50 ms", "direct p50 ms", "ratio", "rounds min–max", "app − direct ms"];
  const rows = measurements.map((m) => [
    m.scenario,
    String(m.latencyMs),
    String(m.clients),
    String(m.figures.requests),
    f(m.figures.appP50),
    f(m.figures.directP50),
    f(m.figures.ratio),
    `${f(m.figures.roundRatios.min)}–${f(m.figures.roundRatios.max)}`,
    f(m.figures.overheadMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  const targets = checks.map((c) => `  ${c.met ? "✓" : "✗"} ${c.target}: ${f(c.value)} (target ≤ ${c.limit})`);
  return [
    "proxy ratio: the app's list routes vs the same SWR call signed and sent straight to the simulator",
    line(header),
    ...rows.map(line),
    "targets:",
    ...targets,
  ].join("\n");
}
