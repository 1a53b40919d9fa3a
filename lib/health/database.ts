import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import type { Check } from "./dto";

// The readiness checks that ask the database: does it answer, and is every migration of this build applied.

/** The migrations folder of `provider`, relative to the working directory (the standalone server runs from its own folder). */
export function migrationsDir(provider: DatabaseProvider, cwd = process.cwd()): string {
  return path.join(cwd, "prisma", provider, "migrations");
}

class CheckTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new CheckTimeout()), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The error's kind, never its message: a driver's message can name hosts and users. */
function errorKind(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^[A-Z0-9_]{1,20}$/i.test(code)) return code;
  return error instanceof Error ? error.name : "unknown error";
}

export async function checkDatabase(db: Db, timeoutMs: number): Promise<Check> {
  try {
    await withTimeout(db.$queryRawUnsafe("SELECT 1"), timeoutMs);
    return { state: "ok", detail: "The database answered." };
  } catch (error) {
    if (error instanceof CheckTimeout) return { state: "failing", detail: `The database did not answer within ${timeoutMs} ms.` };
    return { state: "failing", detail: `The database refused the query (${errorKind(error)}).` };
  }
}

/** The migration folders of this build: every directory under `dir` (each holds one migration.sql). */
export async function expectedMigrations(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

export async function checkMigrations(db: Db, dir: string, provider: DatabaseProvider, timeoutMs: number): Promise<Check> {
  let expected: string[];
  try {
    expected = await expectedMigrations(dir);
  } catch {
    return { state: "failing", detail: `Cannot read prisma/${provider}/migrations in the server's working directory; deploy it with the server.` };
  }
  if (expected.length === 0) return { state: "failing", detail: `prisma/${provider}/migrations holds no migrations; deploy it with the server.` };
  let applied: Set<string>;
  try {
    const rows = await withTimeout(
      db.$queryRawUnsafe<{ migration_name: string }[]>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      ),
      timeoutMs,
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (error) {
    if (error instanceof CheckTimeout) return { state: "failing", detail: `The database did not list its migrations within ${timeoutMs} ms.` };
    return { state: "failing", detail: `The database has no migration record (${errorKind(error)}): run npm run db:migrate.` };
  }
  const missing = expected.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    return { state: "failing", detail: `${missing.length} of ${expected.length} migrations are not applied (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}): run npm run db:migrate.` };
  }
  return { state: "ok", detail: `All ${expected.length} migrations are applied.` };
}
