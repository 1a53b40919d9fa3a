import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      // Server-only modules are tested in Node, where the marker package would throw.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "test/server-only-stub.ts") },
      { find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, "$1") },
    ],
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "prisma/generated/**"],
    environment: "node",
    // The app's JSON log lines would bury the test report: warnings and errors only, unless asked for.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    // One file per core. Vitest's default leaves one core to itself (a single worker on a 2-core machine), but these
    // files spend most of their time waiting on the simulator and the database, not computing.
    maxWorkers: Math.max(2, os.availableParallelism()),
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
