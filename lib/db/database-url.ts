import fs from "node:fs";
import path from "node:path";
import type { PoolConfig } from "pg";

// Pure DATABASE_URL helpers shared by the runtime client, the Prisma CLI adapter, scripts and tests (hence no server-only).

export type DatabaseProvider = "sqlite" | "postgres";

/** Used when DATABASE_URL is unset; lib/env.ts applies the same default. */
export const DEFAULT_DATABASE_URL = "file:./data/swr-sync.db";

export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

/** The file behind a `file:` URL, resolved against the working directory as Prisma does. */
export function sqliteFilePath(url: string, cwd = process.cwd()): string {
  const file = url.replace(/^file:/, "").split("?")[0] ?? "";
  return path.resolve(cwd, file);
}

/** The SQLite file's absolute path, with its folder created (better-sqlite3 will not create it). */
export function prepareSqliteFile(url: string): string {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

const SSL_MODES: Record<string, PoolConfig["ssl"]> = {
  disable: false,
  prefer: false,
  require: { rejectUnauthorized: false },
  "verify-ca": true,
  "verify-full": true,
};

/** node-postgres settings as separate fields, so that `database` can be overridden (a connectionString would win). */
export function pgPoolConfig(url: string): PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  return {
    // A Unix socket folder comes as ?host=/run/postgresql or percent-encoded in the host part.
    host:
      u.searchParams.get("host") ??
      (decodeURIComponent(u.hostname.replace(/^\[(.*)\]$/, "$1")) || "localhost"),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ...(sslmode ? { ssl: SSL_MODES[sslmode] ?? true } : {}),
  };
}

export function pgDatabaseName(url: string): string {
  const name = pgPoolConfig(url).database;
  if (!name) throw new Error(`DATABASE_URL names no database: ${redactUrl(url)}`);
  return name;
}

/** The same server and credentials, another database. */
export function withPgDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** True for SQLite files and PostgreSQL on this machine (loopback or a Unix socket). */
export function isLocalDatabase(url: string): boolean {
  if (databaseProvider(url) === "sqlite") return true;
  const host = pgPoolConfig(url).host ?? "";
  return ["localhost", "127.0.0.1", "::1"].includes(host) || host.startsWith("/");
}

/** The URL without its password, fit for logs and error messages. */
export function redactUrl(url: string): string {
  if (databaseProvider(url) === "sqlite") return url;
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** Double-quoted SQL identifier, for statements such as CREATE DATABASE that take no parameters. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
