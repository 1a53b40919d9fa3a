import "server-only";
import type { Role } from "@/lib/auth/roles";
import { db, type DbTx } from "./client";

// Server-side sessions: one row per sign-in, its ID carried by the session JWT and checked on every request.
// Checks are cached for at most SESSION_CHECK_TTL_MS; every change made in this process drops the cached checks it
// affects, so it holds from the very next request here, and within SESSION_CHECK_TTL_MS on other instances.

export const SESSION_CHECK_TTL_MS = 2_000;
/** lastSeenAt and the sliding expiry are written at most this often per session, not on every request. */
export const SESSION_TOUCH_MS = 60_000;

/** Who a live session belongs to, as the database says now. */
export interface SessionClaims {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
}

export type SessionCheck =
  | { live: true; claims: SessionClaims }
  | { live: false; reason: "unknown" | "revoked" | "expired" | "user_disabled" };

interface CachedCheck {
  claims: SessionClaims;
  until: number;
}

// On globalThis: Next may load this module once per bundle layer (route handlers, pages), and all must forget together.
const holder = globalThis as typeof globalThis & { swrSyncSessionChecks?: Map<string, CachedCheck> };
const cache = (holder.swrSyncSessionChecks ??= new Map());

/** Drops the cached check of one session. */
export function forgetSession(sessionId: string): void {
  cache.delete(sessionId);
}

/** Drops the cached checks of every session of a user: after a role change, a disable or an end-all. */
export function forgetUserSessions(userId: string): void {
  for (const [id, entry] of cache) if (entry.claims.userId === userId) cache.delete(id);
}

function remember(sessionId: string, claims: SessionClaims, until: number, now: number): void {
  // Expired entries go once the map grows: it never holds more than the sessions seen in the last TTL, plus these.
  if (cache.size >= 1000) for (const [id, entry] of cache) if (entry.until <= now) cache.delete(id);
  cache.set(sessionId, { claims, until });
}

/** A new session for a user who has just proven who they are; expired sessions of anyone are cleared on the way. */
export async function createSession(
  input: { userId: string; userAgent: string | null; lifetimeMs: number },
  now = new Date(),
): Promise<string> {
  const client = db();
  await client.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const { id } = await client.session.create({
    data: {
      userId: input.userId,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      createdAt: now,
      lastSeenAt: now,
      // The touch interval on top, so that the row always outlives the cookie (whose expiry slides on every use).
      expiresAt: new Date(now.getTime() + input.lifetimeMs + SESSION_TOUCH_MS),
    },
    select: { id: true },
  });
  return id;
}

/**
 * Whether the session is live (not revoked, not expired, its user enabled) and its user's current claims.
 * A live session's expiry slides to `lifetimeMs` after its use, written at most once per SESSION_TOUCH_MS.
 */
export async function checkSession(
  sessionId: string,
  lifetimeMs: number,
  now = Date.now(),
): Promise<SessionCheck> {
  const cached = cache.get(sessionId);
  if (cached && cached.until > now) return { live: true, claims: cached.claims };
  cache.delete(sessionId);

  const row = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  if (!row) return { live: false, reason: "unknown" };
  if (row.revokedAt) return { live: false, reason: "revoked" };
  if (row.expiresAt.getTime() <= now) return { live: false, reason: "expired" };
  if (row.user.disabled) return { live: false, reason: "user_disabled" };

  let expiresAt = row.expiresAt.getTime();
  if (now - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    // Conditional, so that a revoke written meanwhile is never undone and concurrent requests write once.
    expiresAt = now + lifetimeMs + SESSION_TOUCH_MS;
    await db().session.updateMany({
      where: { id: sessionId, revokedAt: null, lastSeenAt: row.lastSeenAt },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(expiresAt) },
    });
  }
  const { id: userId, email, name, role } = row.user;
  const claims = { userId, email, name, role };
  remember(sessionId, claims, Math.min(now + SESSION_CHECK_TTL_MS, expiresAt), now);
  return { live: true, claims };
}

/** Ends one session (sign-out): every copy of its cookie stops working. */
export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  forgetSession(sessionId);
}

/**
 * Ends every live session of a user, in the caller's transaction when one is given; returns how many.
 * Call forgetUserSessions(userId) once the change is committed.
 */
export async function revokeUserSessions(
  userId: string,
  client: DbTx = db(),
  now = new Date(),
): Promise<number> {
  const { count } = await client.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count;
}
