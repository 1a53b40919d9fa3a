import { describe, expect, it } from "vitest";
import { SwrError, type SwrErrorInit } from "@/lib/swr/errors";
import { backoffDelay, isAmbiguous, isRetryable, retryAfterOf } from "./backoff";

const policy = { backoffBaseMs: 2_000, backoffMaxMs: 60_000, maxRetryAfterMs: 30_000 };
const http = (status: number, code?: string) => new SwrError({ kind: "http", operation: "CreateManualImageSyncRepo", region: "cn-north-4", status, code });
const failure = (kind: SwrErrorInit["kind"]) => new SwrError({ kind, operation: "CreateManualImageSyncRepo", region: "cn-north-4", timeoutMs: 1000 });

describe("backoffDelay", () => {
  it.each([
    [1, 0, 1_000],
    [1, 1, 2_000],
    [3, 0, 4_000],
    [3, 1, 8_000],
    [10, 1, 60_000],
  ])("after %i failures with random %d: %i ms", (failures, r, ms) => {
    expect(backoffDelay(failures, policy, () => r)).toBe(ms);
  });

  it("honours SWR's Retry-After up to the cap", () => {
    expect(backoffDelay(1, policy, () => 0, 5_000)).toBe(5_000);
    expect(backoffDelay(1, policy, () => 0, 90_000)).toBe(30_000);
  });

  it("reads Retry-After only from errors that carry it", () => {
    expect(retryAfterOf(Object.assign(new Error("x"), { retryAfterMs: 1500 }))).toBe(1500);
    expect(retryAfterOf(http(429))).toBeUndefined();
    expect(retryAfterOf("429")).toBeUndefined();
  });
});

describe("which failures are tried again, and which may have taken effect", () => {
  it.each([
    ["429", http(429), true, false],
    ["500", http(500, "SVCSTG.SWR.5000007"), true, true],
    ["busy 409", http(409, "SVCSTG.SWR.4090023"), true, false],
    ["timeout", failure("timeout"), true, true],
    ["network", failure("network"), true, true],
    ["400", http(400), false, false],
    ["401", http(401), false, false],
    ["404", http(404), false, false],
    ["not an SWR error", new Error("bug"), false, false],
  ])("%s: retryable %s, ambiguous %s", (_name, error, retryable, ambiguous) => {
    expect(isRetryable(error)).toBe(retryable);
    expect(isAmbiguous(error)).toBe(ambiguous);
  });
});
