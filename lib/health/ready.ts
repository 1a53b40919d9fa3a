import "server-only";
import { db as appDb, type Db } from "@/lib/db/client";
import { databaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import { env } from "@/lib/env";
import { engineBeat, type EngineBeat } from "@/lib/metrics/engine";
import { lastSwrCalls, type RegionCalls } from "@/lib/metrics/swr-calls";
import { checkEngine, checkSwr } from "./checks";
import { checkDatabase, checkMigrations, migrationsDir } from "./database";
import type { Readiness } from "./dto";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/ready: is this instance fit to take traffic. The database checks are shared for a moment, so a load
// balancer (or several) probing often costs the database one query pair per window, not one per probe.

export interface ReadinessSources {
  db: () => Db;
  provider: DatabaseProvider;
  migrationsDir: string;
  engineOn: boolean;
  engine: () => EngineBeat | undefined;
  swrRegion: string;
  swr: (region: string) => RegionCalls | undefined;
  now: () => Date;
  /** Longest wait for each database query. */
  dbTimeoutMs: number;
  /** How long one pair of database checks serves later probes. */
  cacheMs: number;
}

export const DB_CHECK_TIMEOUT_MS = 2_000;
export const DB_CHECK_CACHE_MS = 1_500;

/** The sources of this server process, from the environment. */
export function appReadinessSources(): ReadinessSources {
  const e = env();
  const provider = databaseProvider(e.DATABASE_URL);
  return {
    db: appDb,
    provider,
    migrationsDir: migrationsDir(provider),
    engineOn: e.SYNC_ENGINE === "on",
    engine: engineBeat,
    swrRegion: e.SWR_DEFAULT_REGION,
    swr: lastSwrCalls,
    now: () => new Date(),
    dbTimeoutMs: DB_CHECK_TIMEOUT_MS,
    cacheMs: DB_CHECK_CACHE_MS,
  };
}

type DbChecks = Pick<Readiness["checks"], "database" | "migrations">;

/** A readiness probe over `sources`; concurrent and close-together calls share one round of database checks. */
export function createReadinessProbe(sources: ReadinessSources): () => Promise<Readiness> {
  let cached: { at: number; checks: Promise<DbChecks> } | undefined;

  async function dbChecks(): Promise<DbChecks> {
    const database = await checkDatabase(sources.db(), sources.dbTimeoutMs);
    if (database.state !== "ok") return { database, migrations: { state: "failing", detail: "Not checked: the database does not answer." } };
    return { database, migrations: await checkMigrations(sources.db(), sources.migrationsDir, sources.provider, sources.dbTimeoutMs) };
  }

  return async () => {
    const at = Date.now();
    if (!cached || at - cached.at >= sources.cacheMs) cached = { at, checks: dbChecks() };
    const { database, migrations } = await cached.checks;
    const now = sources.now();
    const checks = {
      database,
      migrations,
      engine: checkEngine(sources.engineOn, sources.engine(), now),
      swr: checkSwr(sources.swrRegion, sources.swr(sources.swrRegion), now),
    };
    const ready = Object.values(checks).every((c) => c.state !== "failing");
    return { status: ready ? "ready" : "not_ready", checks };
  };
}

/** 200 when ready, 503 when not; the body says each check's state either way. */
export function readinessResponse(readiness: Readiness): Response {
  return jsonAnswer(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

const holder = globalThis as typeof globalThis & { swrSyncReadiness?: () => Promise<Readiness> };

/** This process's probe, made on first use. */
export function appReadiness(): Promise<Readiness> {
  holder.swrSyncReadiness ??= createReadinessProbe(appReadinessSources());
  return holder.swrSyncReadiness();
}
