import "server-only";
import {
  countAttempts,
  forgetAttempts,
  recordAttempts,
  type AttemptCounts,
} from "@/lib/db/user-sign-in-attempts";

// Sign-in throttling: a sliding window of failed attempts per account (the email, whether or not such an
// account exists, so unknown and known accounts answer alike) and per client address, kept in the database. Once a key reaches its
// limit, each further attempt waits after the latest failure: 15 s, then twice as long per failure, at most the window.
// No library: rate-limiter-flexible's Prisma store counts in fixed windows without growing waits, and a table of
// attempts with one grouped count serves SQLite and PostgreSQL alike.

export type ThrottleScope = "account" | "address";

/** Failures within the window after which a key must wait, per scope. */
export const THROTTLE_THRESHOLDS: Record<ThrottleScope, number> = { account: 5, address: 20 };
export const THROTTLE_WINDOW_MS = 15 * 60_000;
const FIRST_WAIT_MS = 15_000;

/** How long after the latest of `failures` failures in the window the next attempt must wait (0 below the threshold). */
export function waitAfterFailures(threshold: number, failures: number): number {
  if (failures < threshold) return 0;
  return Math.min(THROTTLE_WINDOW_MS, FIRST_WAIT_MS * 2 ** Math.min(failures - threshold, 30));
}

export interface ThrottleSubject {
  scope: ThrottleScope;
  key: string;
}

/** The keys one attempt counts against: the account when the email is well-formed, the address when it is known. */
export function throttleSubjects(account: string | null, address: string | null): ThrottleSubject[] {
  return [
    ...(account ? [{ scope: "account" as const, key: `account:${account}` }] : []),
    ...(address ? [{ scope: "address" as const, key: `address:${address}` }] : []),
  ];
}

interface Wait {
  scope: ThrottleScope;
  failures: number;
  retryAfterMs: number;
}

/** The longest wait any subject still owes at `now`, or null when none does. */
function longestWait(subjects: ThrottleSubject[], counts: AttemptCounts, now: number): Wait | null {
  let longest: Wait | null = null;
  for (const { scope, key } of subjects) {
    const seen = counts.get(key);
    if (!seen) continue;
    const retryAfterMs =
      seen.latest.getTime() + waitAfterFailures(THROTTLE_THRESHOLDS[scope], seen.count) - now;
    if (retryAfterMs > 0 && (!longest || retryAfterMs > longest.retryAfterMs))
      longest = { scope, failures: seen.count, retryAfterMs };
  }
  return longest;
}

/** A limit reached by a failure: the key now waits `retryAfterSeconds`. */
export interface Lockout {
  scope: ThrottleScope;
  failures: number;
  retryAfterSeconds: number;
}

export type SignInGate =
  | { admitted: false; scope: ThrottleScope; retryAfterSeconds: number }
  | {
      admitted: true;
      /** The password was right: forget this attempt and the account's earlier failures. */
      succeeded(): Promise<void>;
      /** The attempt failed: it stays counted. The limits it made the subjects reach. */
      failed(): Lockout[];
    };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Admits an attempt or says how long to wait. An admitted attempt is recorded before the password is checked, and
 * the count is taken again without it, so that a burst of parallel guesses cannot all slip in under the limit.
 */
export async function admitSignIn(subjects: ThrottleSubject[], now = new Date()): Promise<SignInGate> {
  const keys = subjects.map((s) => s.key);
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const refusal = (counts: AttemptCounts) => {
    const wait = longestWait(subjects, counts, now.getTime());
    return (
      wait && { admitted: false as const, scope: wait.scope, retryAfterSeconds: seconds(wait.retryAfterMs) }
    );
  };

  const before = refusal(await countAttempts(keys, { since, until: now }));
  if (before) return before;
  const ids = await recordAttempts(keys, now, since);
  const counts = await countAttempts(keys, { since, until: now, excludeIds: ids });
  const raced = refusal(counts);
  if (raced) {
    await forgetAttempts(ids);
    return raced;
  }

  return {
    admitted: true,
    succeeded: () =>
      forgetAttempts(
        ids,
        subjects.filter((s) => s.scope === "account").map((s) => s.key),
      ),
    failed: () =>
      subjects.flatMap(({ scope, key }) => {
        const failures = (counts.get(key)?.count ?? 0) + 1;
        const waitMs = waitAfterFailures(THROTTLE_THRESHOLDS[scope], failures);
        return waitMs > 0 ? [{ scope, failures, retryAfterSeconds: seconds(waitMs) }] : [];
      }),
  };
}
