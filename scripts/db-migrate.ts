// npm run db:migrate — applies prisma/{sqlite,postgres}/migrations to DATABASE_URL (never `db push`).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { DEFAULT_DATABASE_URL, databaseProvider, prepareSqliteFile, redactUrl } from "@/lib/db/database-url";
import { createPgDatabaseIfMissing } from "@/lib/db/pg-admin";

const ROOT = path.resolve(import.meta.dirname, "..");
const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
const run = promisify(execFile);

/** Runs the local Prisma CLI against `url` (prisma.config.ts picks the schema folder from it); resolves to its stdout. */
export async function runPrisma(args: string[], url: string): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [PRISMA_CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `prisma ${args.join(" ")} failed for ${redactUrl(url)}:\n${`${stdout}\n${stderr}`.trim()}`,
    );
  }
}

/** Brings the database at `url` up to the latest migration, creating the SQLite folder or the PostgreSQL database first. */
export async function migrateDatabase(url: string): Promise<string> {
  if (databaseProvider(url) === "postgres") {
    await createPgDatabaseIfMissing(url);
    return runPrisma(["migrate", "deploy"], url);
  }
  // An absolute path, so the CLI (run from the project root) opens the same file as the caller.
  return runPrisma(["migrate", "deploy"], `file:${prepareSqliteFile(url)}`);
}

async function main() {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  console.log(`Migrating ${redactUrl(url)}`);
  process.stdout.write(await migrateDatabase(url));
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
