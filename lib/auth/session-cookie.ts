import "server-only";
import { createHash } from "node:crypto";
import { decode, type JWT } from "next-auth/jwt";
import { logger } from "@/lib/log";
import { currentClaims, getAuthOptions, SessionRevokedError, userOfToken } from "./options";
import type { SessionUser } from "./session-user";

// The signed-in user of a request, from next-auth's session cookie, without next-auth's session round (which derives a
// key, decrypts the token, and encrypts a fresh one nobody receives, on every call).
// The token is decrypted once per cookie and kept, under a hash of the cookie, until it expires: decryption depends on
// nothing but the cookie and the secret, so keeping it changes no answer. Whether the session is still live, and the
// user's current role, is asked of lib/db/user-sessions.ts on every call; it keeps that answer for SESSION_CHECK_TTL_MS at
// most, and forgets it the moment a role change, a disable, a sign-out or an end-all is written in this process.

export interface CookieEntry {
  name: string;
  value: string;
}

const DEFAULT_COOKIE = "next-auth.session-token";
/** The most decrypted tokens kept: the expired go first when it is full, then the least recently used. */
export const MAX_DECODED_TOKENS = 1_000;

interface DecodedToken {
  token: JWT;
  /** The token's own expiry (ms). */
  until: number;
}

// On globalThis: Next may load this module once per bundle layer (route handlers, pages); they can share the work.
const holder = globalThis as typeof globalThis & { swrSyncDecodedTokens?: Map<string, DecodedToken> };
const decoded = (holder.swrSyncDecodedTokens ??= new Map());

/** The pairs of a `Cookie` header; a value that is not valid percent-encoding is kept as sent. */
export function cookiesOfHeader(header: string | null): CookieEntry[] {
  if (!header) return [];
  return header.split(";").flatMap((pair) => {
    const at = pair.indexOf("=");
    if (at < 0) return [];
    const raw = pair.slice(at + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // kept as sent
    }
    return [{ name: pair.slice(0, at).trim(), value }];
  });
}

/** The session token: the cookie `name`, or its chunks `name.0`, `name.1`, … joined, as next-auth writes a long one. */
export function sessionTokenOf(cookies: readonly CookieEntry[], name: string): string | undefined {
  const whole = cookies.find((c) => c.name === name);
  if (whole) return whole.value || undefined;
  const chunks = cookies
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

const keyOf = (value: string) => createHash("sha256").update(value).digest("base64url");

function keep(key: string, entry: DecodedToken, now: number): void {
  if (decoded.size >= MAX_DECODED_TOKENS) {
    for (const [k, e] of decoded) if (e.until <= now) decoded.delete(k);
    // Still full: the least recently used goes (a Map iterates in insertion order, and a hit inserts again).
    for (const k of decoded.keys()) {
      if (decoded.size < MAX_DECODED_TOKENS) break;
      decoded.delete(k);
    }
  }
  decoded.set(key, entry);
}

async function decodedToken(key: string, value: string, secret: string, now: number): Promise<JWT | null> {
  const kept = decoded.get(key);
  if (kept && kept.until > now) {
    decoded.delete(key);
    decoded.set(key, kept);
    return kept.token;
  }
  decoded.delete(key);
  let token: JWT | null;
  try {
    token = await decode({ token: value, secret });
  } catch (error) {
    // Expired, tampered with, or made with another secret; the token itself is never logged.
    logger("auth").warn({ reason: error instanceof Error ? error.name : "unknown" }, "session cookie refused");
    return null;
  }
  if (token && typeof token.exp === "number" && token.exp * 1000 > now) keep(key, { token, until: token.exp * 1000 }, now);
  return token;
}

/**
 * The user a request's cookies sign in, when the session is live; null otherwise. At most one decryption per cookie
 * while its token lasts, and at most one session-row read per session per SESSION_CHECK_TTL_MS.
 */
export async function sessionUserOf(cookies: readonly CookieEntry[], now = Date.now()): Promise<SessionUser | null> {
  const options = getAuthOptions();
  const value = sessionTokenOf(cookies, options.cookies?.sessionToken?.name ?? DEFAULT_COOKIE);
  if (!value || !options.secret) return null;
  const key = keyOf(value);
  const token = await decodedToken(key, value, options.secret, now);
  if (!token) return null;
  try {
    return userOfToken(await currentClaims(token, now));
  } catch (error) {
    if (!(error instanceof SessionRevokedError)) throw error;
    decoded.delete(key);
    logger("auth").warn(`session ended: ${error.message}`);
    return null;
  }
}
