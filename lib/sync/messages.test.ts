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

describe("task errors as catalog messages", () => {
  it("keeps the message as data beside its English", async () => {
    const { recordFailure, noProgress, errorColumns } = await import("./messages");
    const e = recordFailure("timeout", { targetRegion: "cn-east-3", targetNamespace: "team-a" });
    expect(e).toEqual({
      code: "swr_timeout",
      message: "SWR reports that the sync to namespace “team-a” in cn-east-3 timed out (status “timeout”).",
      msg: { key: "taskErrors.recordTimeout", params: { namespace: "team-a", region: "cn-east-3", status: "timeout" } },
    });
    expect(JSON.parse(errorColumns(e).lastErrorMsg!)).toEqual(e.msg);
    expect(noProgress(90_000).message).toBe("Not found in target after 1.5 minutes.");
    expect(errorColumns(null)).toEqual({ lastErrorCode: null, lastErrorMessage: null, lastErrorMsg: null });
  });
});
