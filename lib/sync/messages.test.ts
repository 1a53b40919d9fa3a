import { describe, expect, it } from "vitest";
import { SwrError } from "@/lib/swr/errors";
import { formatWait, swrCallError } from "./messages";

const http = (status: number, code?: string) => new SwrError({ kind: "http", operation: "CreateManualImageSyncRepo", region: "cn-north-4", status, code });

describe("swrCallError", () => {
  it.each([
    [http(500, "SVCSTG.SWR.5000007"), "SVCSTG.SWR.5000007"],
    [http(502), "http_502"],
    [new SwrError({ kind: "timeout", operation: "CreateManualImageSyncRepo", region: "cn-north-4", timeoutMs: 1000 }), "timeout"],
    [new Error("secret detail"), "internal"],
  ])("error code of %s is %s", (error, code) => {
    expect(swrCallError(error).code).toBe(code);
  });

  it("never shows an unknown error's details", () => {
    expect(swrCallError(new Error("password=hunter2")).message).not.toContain("hunter2");
  });
});

describe("formatWait", () => {
  it.each([
    [30 * 60_000, "30 minutes"],
    [60_000, "1 minute"],
    [90_000, "1.5 minutes"],
    [400, "0.4 seconds"],
    [1_000, "1 second"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatWait(ms)).toBe(text);
  });
});
