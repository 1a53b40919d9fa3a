import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { withTestDatabase } from "@/test/with-test-database";
import { authorizeCredentials } from "./credentials";
import { retryAfterOf } from "./sign-in-error";
import {
  admitSignIn,
  THROTTLE_THRESHOLDS,
  THROTTLE_WINDOW_MS,
  throttleSubjects,
  waitAfterFailures,
} from "./sign-in-throttle";

// Sign-in throttling, kept in the database: per account and per client address, with growing waits.

withTestDatabase();

const PASSWORD = "the-right-password";
const START = new Date("2026-12-01T12:00:00Z").getTime();

beforeAll(async () => {
  for (const name of ["kim", "lee", "max", "nia", "oli"])
    await createUser({ email: `${name}@example.com`, password: PASSWORD, role: "viewer" });
});
afterEach(() => vi.useRealTimers());

/** The clock for the next attempts; only Date is faked, scrypt still runs. */
const at = (offsetMs: number) => vi.useFakeTimers({ toFake: ["Date"], now: START + offsetMs });

/** What the login form learns from one attempt: "ok", "refused", or "wait N" seconds. */
async function attempt(email: string, password: string, address: string | null = null): Promise<string> {
  try {
    return (await authorizeCredentials({ email, password }, { address })) ? "ok" : "refused";
  } catch (error) {
    const wait = retryAfterOf(error instanceof Error ? error.message : null);
    if (wait === null) throw error;
    return `wait ${wait}`;
  }
}

const lockouts = (actorEmail: string) =>
  db().auditEvent.findMany({ where: { action: "sign_in_lockout", actorEmail }, orderBy: { at: "asc" } });

describe("waitAfterFailures", () => {
  it.each([
    [4, 0],
    [5, 15_000],
    [6, 30_000],
    [7, 60_000],
    [10, 480_000],
    [11, THROTTLE_WINDOW_MS],
    [500, THROTTLE_WINDOW_MS],
  ])("after %i failures of an account waits %i ms", (failures, wait) => {
    expect(waitAfterFailures(THROTTLE_THRESHOLDS.account, failures)).toBe(wait);
  });

  it("lets an address fail 20 times before it waits", () => {
    expect(waitAfterFailures(THROTTLE_THRESHOLDS.address, 19)).toBe(0);
    expect(waitAfterFailures(THROTTLE_THRESHOLDS.address, 20)).toBe(15_000);
  });
});

describe("per account", () => {
  it("after 5 failures in 15 minutes, waits 15 s, then twice as long per further failure", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      at(i * 1000);
      outcomes.push(await attempt("kim@example.com", "wrong-password"));
    }
    at(5_000);
    outcomes.push(await attempt("kim@example.com", PASSWORD)); // even the right password waits
    at(4_000 + 14_000);
    outcomes.push(await attempt("kim@example.com", PASSWORD));
    at(4_000 + 15_000);
    outcomes.push(await attempt("kim@example.com", "wrong-password"));
    at(19_000 + 29_000);
    outcomes.push(await attempt("kim@example.com", "wrong-password"));
    expect(outcomes).toEqual([...Array(5).fill("refused"), "wait 14", "wait 1", "refused", "wait 1"]);

    const events = await lockouts("kim@example.com");
    const kim = await db().user.findUniqueOrThrow({ where: { email: "kim@example.com" } });
    expect(events.map((e) => [e.target, e.outcome, JSON.parse(e.detail ?? "{}")])).toEqual([
      [kim.id, "failure", { scope: "account", failures: 5, retryAfterSeconds: 15 }],
      [kim.id, "failure", { scope: "account", failures: 6, retryAfterSeconds: 30 }],
    ]);
    const refusals = await db().auditEvent.findMany({
      where: { action: "sign_in", actorEmail: "kim@example.com", detail: { contains: "throttled" } },
    });
    expect(refusals.map((e) => JSON.parse(e.detail ?? "{}"))).toEqual([
      { reason: "throttled", scope: "account", retryAfterSeconds: 14 },
      { reason: "throttled", scope: "account", retryAfterSeconds: 1 },
      { reason: "throttled", scope: "account", retryAfterSeconds: 1 },
    ]);
  });

  it("answers an unknown email exactly as a known one, attempt by attempt", async () => {
    const run = async (email: string) => {
      const outcomes: string[] = [];
      for (const [offset, password] of [
        ...[0, 1, 2, 3, 4].map((i) => [i * 1000, "wrong-password"] as const),
        [6_000, "wrong-password"],
        [19_000, "wrong-password"],
        [20_000, "wrong-password"],
      ] as const) {
        at(offset);
        outcomes.push(await attempt(email, password));
      }
      return outcomes;
    };
    const known = await run("lee@example.com");
    expect(known).toEqual([...Array(5).fill("refused"), "wait 13", "refused", "wait 29"]);
    expect(await run("nobody@example.com")).toEqual(known);
    expect((await lockouts("nobody@example.com")).map((e) => e.target)).toEqual([null, null]);
  });

  it("spends about as long on an unknown email as on a wrong password (a dummy hash is checked)", async () => {
    const fastest = async (email: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await attempt(email, "wrong-password");
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const [known, unknown] = [await fastest("nia@example.com"), await fastest("nobody-else@example.com")];
    // Without the dummy hash an unknown email would answer some 20× sooner.
    expect(unknown / known).toBeGreaterThan(0.4);
    expect(unknown / known).toBeLessThan(4);
  });

  it("forgets an account's failures after a successful sign-in, and those older than 15 minutes", async () => {
    for (let i = 0; i < 4; i++) {
      at(i * 1000);
      expect(await attempt("max@example.com", "wrong-password")).toBe("refused");
    }
    at(5_000);
    expect(await attempt("max@example.com", PASSWORD)).toBe("ok");
    for (let i = 0; i < 4; i++) {
      at(6_000 + i * 1000);
      expect(await attempt("max@example.com", "wrong-password")).toBe("refused");
    }
    at(9_000 + THROTTLE_WINDOW_MS);
    expect(await attempt("max@example.com", "wrong-password")).toBe("refused");
    expect(await lockouts("max@example.com")).toEqual([]);
  });
});

describe("per client address", () => {
  it("after 20 failures from one address, every account waits there; other addresses do not", async () => {
    for (let i = 0; i < 20; i++) {
      at(i * 100);
      expect(await attempt(`guess-${i}@example.com`, "wrong-password", "203.0.113.7")).toBe("refused");
    }
    at(2_500);
    expect(await attempt("oli@example.com", PASSWORD, "203.0.113.7")).toBe("wait 15"); // 1.9 s + 15 s − 2.5 s, rounded up
    expect(await attempt("oli@example.com", PASSWORD, "198.51.100.2")).toBe("ok");
    expect(await attempt("oli@example.com", PASSWORD)).toBe("ok");

    const events = await db().auditEvent.findMany({
      where: { action: "sign_in_lockout", actorEmail: "guess-19@example.com" },
    });
    expect(events.map((e) => JSON.parse(e.detail ?? "{}"))).toEqual([
      { scope: "address", address: "203.0.113.7", failures: 20, retryAfterSeconds: 15 },
    ]);
  });
});

describe("admitSignIn", () => {
  it("admits at most one of a burst of parallel attempts at the limit", async () => {
    const subjects = throttleSubjects("burst@example.com", null);
    const now = new Date(START);
    for (let i = 0; i < 4; i++) {
      const gate = await admitSignIn(subjects, now);
      if (gate.admitted) gate.failed();
    }
    const gates = await Promise.all(Array.from({ length: 10 }, () => admitSignIn(subjects, now)));
    expect(gates.filter((g) => g.admitted).length).toBeLessThanOrEqual(1);
  });

  it("keys an account by its email and an address by itself; without either there is nothing to count", () => {
    expect(throttleSubjects("a@example.com", "192.0.2.1")).toEqual([
      { scope: "account", key: "account:a@example.com" },
      { scope: "address", key: "address:192.0.2.1" },
    ]);
    expect(throttleSubjects(null, null)).toEqual([]);
  });
});
