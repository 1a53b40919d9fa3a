// npm start — the standalone server (`node .next/standalone/server.js`) run from a checkout: Next's .env files of
// the project root, a relative SQLite path taken from the root (the server changes into its own folder), and the
// app's own graceful shutdown (lib/shutdown.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { databaseProvider, DEFAULT_DATABASE_URL, sqliteFilePath } from "@/lib/db/database-url";
import { prepareStandalone } from "./lib/standalone";

const ROOT = path.resolve(__dirname, "..");

loadEnvConfig(ROOT, false);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const server = spawn(process.execPath, [prepareStandalone(ROOT)], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: databaseProvider(databaseUrl) === "sqlite" ? `file:${sqliteFilePath(databaseUrl, ROOT)}` : databaseUrl,
    NEXT_MANUAL_SIG_HANDLE: process.env.NEXT_MANUAL_SIG_HANDLE ?? "true",
  },
});
// The server stops on its own terms (within 10 s); this process passes the signal on and leaves with it.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
