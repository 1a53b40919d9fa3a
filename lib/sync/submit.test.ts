import { describe, expect, it } from "vitest";
import { chunkRetryDelay } from "./submit";

// A failed chunk's wait: its tries set the backoff only as far as its region's run of failures goes.

const policy = { maxAttempts: Infinity, baseDelayMs: 2_000, maxDelayMs: 60_000, maxRetryAfterMs: 60_000 };
const top = () => 0.999_999;

describe("chunkRetryDelay", () => {
  it("keeps a chunk's fourth try short while its region's other calls go through", () => {
    // The region's last call before this failure succeeded: a streak of one, the first step (up to 2 s).
    expect(chunkRetryDelay(4, 1, policy, top, undefined)).toBeLessThanOrEqual(2_000);
  });

  it("backs off as the chunk's tries say when every call of the region fails", () => {
    expect(chunkRetryDelay(4, 9, policy, top, undefined)).toBeGreaterThan(15_000);
    expect(chunkRetryDelay(4, 9, policy, top, undefined)).toBeLessThanOrEqual(16_000);
    // The region's streak never takes a chunk past its own tries.
    expect(chunkRetryDelay(2, 9, policy, top, undefined)).toBeLessThanOrEqual(4_000);
  });

  it("waits at least half the base, and as long as SWR's Retry-After says", () => {
    expect(chunkRetryDelay(1, 1, policy, () => 0, undefined)).toBe(1_000);
    expect(chunkRetryDelay(1, 1, policy, top, 7_000)).toBe(7_000);
  });
});
