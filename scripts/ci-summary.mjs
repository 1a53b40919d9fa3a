// Adds up the Vitest and Playwright JSON reports of every suite run into one line: "N passed, N failed", after a line
// per failed test (suite, file and title, and the first line of its error) and per test that passed only on a retry,
// so that the end of the log says what failed.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
const failures = [];
const flaky = [];

const firstLine = (text) => String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim()) ?? "";

function countPlaywright(suite, name) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const outcome = test.status ?? (test.results?.at(-1)?.status === "passed" ? "expected" : "unexpected");
      if (outcome === "expected") passed++;
      else if (outcome === "flaky") {
        // Passed on a retry: counted as passed, named so that a flake is seen before it fails a run.
        passed++;
        const error = test.results?.find((r) => r.error)?.error?.message;
        flaky.push(`${name}: ${spec.file}:${spec.line} ${spec.title} ${firstLine(error)}`);
      } else if (outcome === "skipped") skipped++;
      else {
        failed++;
        const error = test.results?.find((r) => r.error)?.error?.message;
        failures.push(`${name}: ${spec.file}:${spec.line} ${spec.title} (${outcome}) ${firstLine(error)}`);
      }
    }
  }
  for (const child of suite.suites ?? []) countPlaywright(child, name);
}

for (const dir of process.argv.slice(2)) {
  const name = path.basename(dir);
  const vitest = path.join(dir, "vitest.json");
  const playwright = path.join(dir, "playwright.json");
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // A file that failed to load fails the run without failing a single test: count it.
    if (r.success === false && (r.numFailedTests ?? 0) === 0) failed++;
    for (const file of r.testResults ?? []) {
      const where = path.relative(process.cwd(), file.name ?? "");
      const failedHere = (file.assertionResults ?? []).filter((t) => t.status === "failed");
      for (const t of failedHere) failures.push(`${name}: ${where} ${t.fullName ?? t.title} ${firstLine(t.failureMessages?.[0])}`);
      if (file.status === "failed" && failedHere.length === 0) failures.push(`${name}: ${where} did not load ${firstLine(file.message)}`);
    }
  } else missing.push(vitest);
  if (existsSync(playwright)) {
    const r = JSON.parse(readFileSync(playwright, "utf8"));
    for (const suite of r.suites ?? []) countPlaywright(suite, name);
    failed += (r.errors ?? []).length;
    for (const e of r.errors ?? []) failures.push(`${name}: Playwright ${firstLine(e.message)}`);
  } else missing.push(playwright);
}

for (const f of flaky) console.log(`passed on a retry: ${f.slice(0, 400)}`);
for (const f of failures) console.log(`failed: ${f.slice(0, 400)}`);
for (const m of missing) console.log(`missing report: ${m} (that suite did not run)`);
failed += missing.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
