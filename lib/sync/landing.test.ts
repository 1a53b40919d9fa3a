import { describe, expect, it } from "vitest";
import { SwrError, type SwrErrorInit } from "@/lib/swr/errors";
import { landingWindowEnd, readCoversWindow } from "./landing";

// When a failed sync_images call can no longer land, and which reads of SWR's records may say that it did not.

const ENDED = new Date("2026-11-28T12:00:00.000Z");
const SLACK = 5_000;
const after = (ms: number) => new Date(ENDED.getTime() + ms);
const failure = (over: Partial<SwrErrorInit>) => new SwrError({ kind: "http", operation: "CreateManualImageSyncRepo", region: "cn-north-4", ...over });

describe("landingWindowEnd", () => {
  it.each([
    ["SWR answered 500: it was done with the call when it answered", failure({ status: 500, code: "SVCSTG.SWR.5000007" }), 0],
    ["SWR refused the call", failure({ status: 400 }), 0],
    ["SWR throttled the call", failure({ status: 429 }), 0],
    ["no answer in time: SWR may still act on what it received", failure({ kind: "timeout" }), SLACK],
    ["the connection dropped", failure({ kind: "network" }), SLACK],
    ["a gateway answered 502 for SWR", failure({ status: 502 }), SLACK],
    ["a gateway answered 503 for SWR", failure({ status: 503 }), SLACK],
    ["a gateway answered 504 for SWR", failure({ status: 504 }), SLACK],
    ["a failure that is not SWR's answer", new Error("socket hang up"), SLACK],
  ])("%s", (_name, outcome, slack) => {
    expect(landingWindowEnd(outcome, ENDED, SLACK)).toEqual(after(slack));
  });
});

describe("readCoversWindow", () => {
  it.each([
    ["a read that began before the window closed proves nothing", after(-1), false],
    ["a read that began as it closed", after(0), true],
    ["a read that began later", after(1), true],
  ])("%s", (_name, readStartedAt, covers) => {
    expect(readCoversWindow(ENDED, readStartedAt)).toBe(covers);
  });

  it("a task without an open window is covered by any read", () => {
    expect(readCoversWindow(null, after(-60_000))).toBe(true);
  });
});
