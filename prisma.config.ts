import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/swr-sync.db";
const provider = url.startsWith("postgres") ? "postgres" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    const { cliAdapter } = await import("./prisma/cli-adapter");
    return cliAdapter(url);
  },
});
