import path from "node:path";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, databaseProvider } from "./lib/db/database-url";

// Prisma does not load .env when a config file exists; DATABASE_URL comes from the environment.
const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const provider = databaseProvider(url);

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
