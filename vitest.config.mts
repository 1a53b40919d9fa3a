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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
