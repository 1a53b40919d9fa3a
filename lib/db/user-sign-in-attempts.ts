import "server-only";
import { db } from "./client";

// Sign-in attempts per throttling key, kept in the database so that throttling survives restarts and holds
// across instances. lib/auth/sign-in-throttle.ts decides; this only stores and counts.

/** Failures in the window per key: how many and when the latest was. */
export type AttemptCounts = Map<string, { count: number; latest: Date }>;

/** Attempts of `keys` at or after `since` and not after `until`, except those in `excludeIds`; one grouped query. */
export async function countAttempts(
  keys: string[],
  { since, until, excludeIds = [] }: { since: Date; until: Date; excludeIds?: string[] },
): Promise<AttemptCounts> {
  if (keys.length === 0) return new Map();
  const groups = await db().signInAttempt.groupBy({
    by: ["key"],
    where: { key: { in: keys }, at: { gte: since, lte: until }, id: { notIn: excludeIds } },
    _count: { _all: true },
    _max: { at: true },
  });
  return new Map(groups.map((g) => [g.key, { count: g._count._all, latest: g._max.at ?? until }]));
}

/** Records one attempt for each key (counted as a failure until forgotten); drops attempts older than `pruneBefore`. */
export async function recordAttempts(keys: string[], at: Date, pruneBefore: Date): Promise<string[]> {
  const client = db();
  await client.signInAttempt.deleteMany({ where: { at: { lt: pruneBefore } } });
  const rows = await client.$transaction(
    keys.map((key) => client.signInAttempt.create({ data: { key, at }, select: { id: true } })),
  );
  return rows.map((r) => r.id);
}

/** Forgets the given attempts, and with `keys` every attempt of those keys. */
export async function forgetAttempts(ids: string[], keys: string[] = []): Promise<void> {
  await db().signInAttempt.deleteMany({ where: { OR: [{ id: { in: ids } }, { key: { in: keys } }] } });
}
