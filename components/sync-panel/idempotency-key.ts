import { canonicalSyncRequest, type SyncRequest } from "./sync-request";

// An Idempotency-Key per request body, kept ~10 minutes in localStorage so that double clicks, reloads
// and a second tab send the same key and the server answers with the job it already created.

export const IDEMPOTENCY_WINDOW_MS = 10 * 60_000;
const STORAGE_PREFIX = "swr-sync.idempotency.";

export type KeyStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface KeyDeps {
  /** null when the browser offers none (private mode, storage disabled): every call then gets a fresh key. */
  storage: KeyStorage | null;
  now: () => number;
  randomHex: (bytes: number) => string;
}

/** A stored entry as this module writes it; anything else in storage (another version's, an edit) is ignored. */
function entryOf(value: unknown): { nonce: string; expiresAt: number } | undefined {
  if (typeof value !== "object" || value === null || !("nonce" in value) || !("expiresAt" in value)) return undefined;
  const { nonce, expiresAt } = value;
  return typeof nonce === "string" && /^[0-9a-f]{16,64}$/.test(nonce) && typeof expiresAt === "number" ? { nonce, expiresAt } : undefined;
}

function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/**
 * A 106-bit fingerprint of the normalized body. Not cryptographic on purpose: crypto.subtle exists only in
 * secure contexts, and the server compares bodies itself, so a collision could only cause a 422.
 */
export function requestHash(body: SyncRequest): string {
  const text = JSON.stringify(canonicalSyncRequest(body));
  return cyrb53(text, 1) + cyrb53(text, 2);
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function readEntry(storage: KeyStorage, name: string) {
  const raw = safely(() => storage.getItem(name), null);
  if (raw === null) return undefined;
  return entryOf(safely<unknown>(() => JSON.parse(raw), null));
}

function pruneExpired(storage: KeyStorage, now: number): void {
  const names = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (name): name is string => name !== null && name.startsWith(STORAGE_PREFIX),
  );
  for (const name of names) {
    const entry = readEntry(storage, name);
    if (!entry || entry.expiresAt <= now) storage.removeItem(name);
  }
}

/** The key for this body: the stored one while it lives, else a new one that is stored for IDEMPOTENCY_WINDOW_MS. */
export function idempotencyKeyFor(body: SyncRequest, deps: KeyDeps): string {
  const hash = requestHash(body);
  const now = deps.now();
  const { storage } = deps;
  if (storage) {
    safely(() => pruneExpired(storage, now), undefined);
    const live = readEntry(storage, STORAGE_PREFIX + hash);
    if (live && live.expiresAt > now) return `sync-${hash}-${live.nonce}`;
  }
  const nonce = deps.randomHex(8);
  const entry = { nonce, expiresAt: now + IDEMPOTENCY_WINDOW_MS };
  if (storage) safely(() => storage.setItem(STORAGE_PREFIX + hash, JSON.stringify(entry)), undefined);
  return `sync-${hash}-${nonce}`;
}

/** Drops the stored key once the server refused the body outright, so a corrected retry is a new request. */
export function forgetIdempotencyKey(body: SyncRequest, deps: Pick<KeyDeps, "storage">): void {
  const { storage } = deps;
  if (storage) safely(() => storage.removeItem(STORAGE_PREFIX + requestHash(body)), undefined);
}

/** The browser's storage, clock and random source. */
export function browserKeyDeps(): KeyDeps {
  return {
    storage: safely(() => window.localStorage, null),
    now: () => Date.now(),
    randomHex: (bytes) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join(""),
  };
}
