// Adds up the Vitest and Playwright JSON reports of every suite run into one line: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

function countPlaywright(suite) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const outcome = test.status ?? (test.results?.at(-1)?.status === "passed" ? "expected" : "unexpected");
      if (outcome === "expected" || outcome === "flaky") passed++;
      else if (outcome === "skipped") skipped++;
      else failed++;
    }
  }
  for (const child of suite.suites ?? []) countPlaywright(child);
}

for (const dir of process.argv.slice(2)) {
  const vitest = path.join(dir, "vitest.json");
  const playwright = path.join(dir, "playwright.json");
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // A file that failed to load fails the run without failing a single test: count it.
    if (r.success === false && (r.numFailedTests ?? 0) === 0) failed++;
  } else missing.push(vitest);
  if (existsSync(playwright)) {
    const r = JSON.parse(readFileSync(playwright, "utf8"));
    for (const suite of r.suites ?? []) countPlaywright(suite);
    failed += (r.errors ?? []).length;
  } else missing.push(playwright);
}

for (const m of missing) console.log(`missing report: ${m} (that suite did not run)`);
failed += missing.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
