// npm run bench — scenario runs of the real stack (simulator → counting proxy → `next start`) on SQLite and PostgreSQL.
// Every figure is a ratio measured in the same run; absolute numbers drift from run to run on these machines.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "@/lib/env";
import { assertBuildCurrent, ensureBuild } from "./build";
import { bundleReport } from "./bundle";
import { renderBundles } from "./bundle-figures";
import { Cleanup } from "./cleanup";
import { checkPgServer, type BenchDb } from "./databases";
import { faultPlan, faultTimeline, renderFaults, summarizeFaults } from "./faults";
import { checkTargets, figures } from "./figures";
import { runProxyBench, type ProxyBench } from "./proxy";
import { renderProxy } from "./proxy-figures";
import { renderReport, writeResults, type ScenarioReport } from "./report";
import { runScenario, type BenchSettings, type ScenarioResult, type ScenarioSpec } from "./scenario";
import { benchSigning } from "./signing";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS_FILE = path.join(ROOT, "bench", "results", "latest.json");
/** Where `--only proxy` writes its figures, so that a partial run leaves the full run's file alone. */
const PROXY_RESULTS_FILE = path.join(ROOT, "bench", "results", "proxy.json");
/** Where `--only faults` writes its runs, with each run's timeline of ended and queued tags. */
const FAULT_RESULTS_FILE = path.join(ROOT, "bench", "results", "faults.json");
/** Where `--only bundle` writes the first-load JS per page. */
const BUNDLE_RESULTS_FILE = path.join(ROOT, "bench", "results", "bundle.json");
/** How often the job page refreshes a live job (JOB_REFRESH_MS in components/jobs/use-jobs.ts). */
const JOB_PAGE_REFRESH_MS = 1_500;
/** A fault run that has not settled in this long is reported as a timeout. */
const FAULT_TIMEOUT_MS = 15 * 60_000;
const USAGE = `npm run bench [-- --quick] [--faults | --no-faults] [--repeats N] [--db sqlite,postgres] [--sync-delay-ms 1500] [--poll-ms 1000] [--refresh-ms 1500] [--no-build] [--no-micro] [--only proxy|bundle|faults]
  --quick      skip the 20,000-tag scenario (and the fault comparison, unless --faults)
  --only faults only the fault runs (A, B, B, A, C), --repeats times, on the first database of --db; writes
               bench/results/faults.json with each run's timeline (when tags ended, how many were still queued)
  --only proxy only the proxy ratio (the list routes vs a direct signed SWR call); writes bench/results/proxy.json
  --only bundle only the first-load JS per page of the build (gzip, against the budget); writes bench/results/bundle.json
               and exits 1 when a page is over the budget
  --no-micro   skip the micro-benches (proxy ratio, signing)
  --faults     1,000-tag jobs under simulator faults (A, B, B, A, C) on the first database of --db; on unless --quick
  --no-build   fail instead of running \`next build\` when .next is missing or older than the sources`;

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      faults: { type: "boolean" },
      "no-faults": { type: "boolean", default: false },
      repeats: { type: "string", default: "3" },
      db: { type: "string", default: "sqlite,postgres" },
      "sync-delay-ms": { type: "string", default: "1500" },
      "poll-ms": { type: "string", default: "1000" },
      "refresh-ms": { type: "string", default: String(JOB_PAGE_REFRESH_MS) },
      "no-build": { type: "boolean", default: false },
      "no-micro": { type: "boolean", default: false },
      only: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const dbs = values.db.split(",").map((d) => d.trim());
  if (!dbs.every((d): d is BenchDb => d === "sqlite" || d === "postgres"))
    throw new Error(`--db takes sqlite and/or postgres\n${USAGE}`);
  if (values.only !== undefined && !["proxy", "bundle", "faults"].includes(values.only)) throw new Error(`--only takes proxy, bundle or faults\n${USAGE}`);
  const int = (name: string, raw: string) => {
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer\n${USAGE}`);
    return v;
  };
  return {
    quick: values.quick,
    faults: !values["no-faults"] && (values.faults ?? !values.quick),
    repeats: int("repeats", values.repeats),
    dbs,
    syncDelayMs: int("sync-delay-ms", values["sync-delay-ms"]),
    pollMs: int("poll-ms", values["poll-ms"]),
    refreshMs: int("refresh-ms", values["refresh-ms"]),
    build: !values["no-build"],
    micro: !values["no-micro"],
    onlyProxy: values.only === "proxy",
    onlyBundle: values.only === "bundle",
    onlyFaults: values.only === "faults",
  };
}

const MULTI = { tags: 1_200, shape: { repositories: 30, targets: 2 } };

/** 1,000 tags `repeats` times, the databases alternating which goes first; then 20,000 tags once each. */
function plan(o: ReturnType<typeof options>, settings: BenchSettings): ScenarioSpec[] {
  const timeoutMs = (tags: number) => Math.max(180_000, tags * 2 * settings.syncDelayMs * 3);
  const specs: ScenarioSpec[] = [];
  for (let run = 1; run <= o.repeats; run++) {
    const order = run % 2 === 1 ? o.dbs : [...o.dbs].reverse();
    for (const db of order) specs.push({ db, tags: 1_000, run, timeoutMs: timeoutMs(1_000) });
  }
  // A namespace of 30 repositories to two regions in one job: 1,200 tasks (20 tags × 30 × 2).
  for (const db of o.dbs) specs.push({ db, tags: MULTI.tags, shape: MULTI.shape, run: 1, timeoutMs: timeoutMs(MULTI.tags) });
  if (!o.quick)
    for (const db of o.dbs) specs.push({ db, tags: 20_000, run: 1, timeoutMs: timeoutMs(20_000) });
  return specs;
}

/** The commit the bench ran on; read-only (no optional locks, so `status` never rewrites the index). */
function gitCommit(): string | undefined {
  const git = (...args: string[]) =>
    execFileSync("git", ["--no-optional-locks", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  try {
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    return `${git("rev-parse", "--short", "HEAD")}${dirty ? "+uncommitted" : ""}`;
  } catch {
    return undefined;
  }
}

/** The machine, with its load when the figures were written: these machines are shared, and the load shows in every figure. */
const machine = () => ({ cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) });

const cleanup = new Cleanup();

async function main() {
  const o = options();
  cleanup.handleSignals();
  if (o.build) await ensureBuild(ROOT);
  else assertBuildCurrent(ROOT);
  if (o.onlyBundle) {
    const bundle = bundleReport(ROOT);
    console.log(renderBundles(bundle.pages, bundle.budgetBytes));
    writeResults(BUNDLE_RESULTS_FILE, { generatedAt: new Date().toISOString(), commit: gitCommit(), bundle });
    console.log(`\nwrote ${path.relative(process.cwd(), BUNDLE_RESULTS_FILE)}`);
    const over = bundle.pages.filter((p) => p.overBudget);
    if (over.length > 0) {
      console.error(`over the budget: ${over.map((p) => p.route).join(", ")}`);
      process.exitCode = 1;
    }
    return;
  }

  const metricsToken = randomBytes(24).toString("base64url");
  const appEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    SYNC_POLL_MS: String(o.pollMs),
    METRICS_TOKEN: metricsToken,
    SWR_TIMEOUT_MS: "15000",
  };
  // The chunk size the app will use, read the way the app reads it (so an inherited SYNC_CHUNK_SIZE counts too).
  const { SYNC_CHUNK_SIZE } = parseEnv({ SWR_AK: "bench", SWR_SK: "bench", ...process.env, ...appEnv });
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "swr-sync-bench-"));
  // The fault runs keep their app logs for reading beside the timelines.
  if (!o.onlyFaults) cleanup.add("remove the temp folder", () => fs.promises.rm(tempDir, { recursive: true, force: true }));
  const settings: BenchSettings = {
    syncDelayMs: o.syncDelayMs,
    pollMs: o.pollMs,
    chunkSize: SYNC_CHUNK_SIZE,
    refreshMs: o.refreshMs,
    pgBaseUrl: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
    tempDir,
    metricsToken,
    appEnv,
  };
  if (o.onlyProxy) {
    const proxy = await runProxyBench(settings, cleanup);
    await cleanup.runAll();
    console.log(`\n${renderProxy(proxy.measurements, proxy.targets)}`);
    writeResults(PROXY_RESULTS_FILE, { generatedAt: new Date().toISOString(), commit: gitCommit(), machine: machine(), proxy });
    console.log(`\nwrote ${path.relative(process.cwd(), PROXY_RESULTS_FILE)}`);
    return;
  }
  if (o.dbs.includes("postgres")) await checkPgServer(settings.pgBaseUrl);
  console.log(
    `SIM_SYNC_DELAY_MS=${settings.syncDelayMs} (per-tag sync time ${2 * settings.syncDelayMs} ms: waiting → running → done), ` +
      `SYNC_POLL_MS=${settings.pollMs}, SYNC_CHUNK_SIZE=${settings.chunkSize}, job page refresh every ${settings.refreshMs} ms`,
  );

  const run = async (spec: ScenarioSpec): Promise<ScenarioResult> => {
    const faults = spec.faults ? `, faults ${spec.faults.mix}` : "";
    const shape = spec.shape ? ` (${spec.shape.repositories} repositories × ${spec.shape.targets} targets)` : "";
    process.stdout.write(`▶ ${spec.db}, ${spec.tags.toLocaleString("en")} tags${shape}${faults}, run ${spec.run} … `);
    const result = await runScenario(spec, settings, cleanup);
    console.log(
      result.outcome === "error"
        ? `error: ${result.error?.split("\n")[0]}`
        : `${result.outcome}, ${result.jobStatus} ${result.succeeded}/${spec.tags} in ${((result.durationMs ?? result.wallMs ?? 0) / 1000).toFixed(1)} s`,
    );
    return result;
  };
  if (o.onlyFaults) {
    const results: ScenarioResult[] = [];
    for (let repeat = 0; repeat < o.repeats; repeat++)
      for (const spec of faultPlan(o.dbs[0]!, FAULT_TIMEOUT_MS)) results.push(await run({ ...spec, run: spec.run + repeat * 2 }));
    await cleanup.runAll();
    const faults = summarizeFaults(results, settings.pollMs);
    console.log(`\n${renderFaults(faults, settings.pollMs)}`);
    const timelines = results.map((r) => ({ mix: r.faults?.mix, run: r.run, points: faultTimeline(r.refreshes ?? []) }));
    writeResults(FAULT_RESULTS_FILE, { generatedAt: new Date().toISOString(), commit: gitCommit(), machine: machine(), faults, timelines });
    console.log(`\nwrote ${path.relative(process.cwd(), FAULT_RESULTS_FILE)}; the app's logs are in ${tempDir}`);
    if (results.some((r) => r.outcome === "error")) process.exitCode = 1;
    return;
  }

  const reports: ScenarioReport[] = [];

  for (const spec of plan(o, settings)) {
    const result = await run(spec);
    reports.push({ result, figures: figures(result, settings) });
  }
  const faultResults: ScenarioResult[] = [];
  if (o.faults) for (const spec of faultPlan(o.dbs[0]!, FAULT_TIMEOUT_MS)) faultResults.push(await run(spec));
  const faults = o.faults ? summarizeFaults(faultResults, settings.pollMs) : undefined;
  const proxy: ProxyBench | undefined = o.micro ? await runProxyBench(settings, cleanup) : undefined;
  const signing = o.micro ? benchSigning() : undefined;
  const bundle = bundleReport(ROOT);
  await cleanup.runAll();

  const checks = checkTargets(reports);
  console.log(`\n${renderReport(reports, checks, settings)}`);
  if (faults) console.log(`\n${renderFaults(faults, settings.pollMs)}`);
  if (proxy) console.log(`\n${renderProxy(proxy.measurements, proxy.targets)}`);
  if (signing)
    console.log(
      `\nsigning micro-bench: ours ÷ official SDK ${signing.ratio.toFixed(2)} (${signing.oursPerSecond.toFixed(0)}/s vs ${signing.sdkPerSecond.toFixed(0)}/s)`,
    );
  console.log(`\n${renderBundles(bundle.pages, bundle.budgetBytes)}`);

  writeResults(RESULTS_FILE, {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: machine(),
    settings: {
      simSyncDelayMs: settings.syncDelayMs,
      perTagSyncMs: 2 * settings.syncDelayMs,
      syncPollMs: settings.pollMs,
      chunkSize: settings.chunkSize,
      refreshMs: settings.refreshMs,
    },
    scenarios: reports.map(
      ({ result: { refreshes: _refreshes, timeoutMs: _timeout, ...r }, figures: fig }) => ({
        ...r,
        figures: fig,
      }),
    ),
    targets: checks,
    faults,
    proxy,
    signing,
    bundle,
  });
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  if ([...reports.map((r) => r.result), ...faultResults].some((r) => r.outcome === "error")) process.exitCode = 1;
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await cleanup.runAll();
  process.exit(1);
});
