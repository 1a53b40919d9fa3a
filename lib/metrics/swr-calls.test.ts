import { beforeEach, describe, expect, it } from "vitest";
import { forgetSwrCalls, lastSwrCalls, observeSwrExchange, statusClassOf } from "./swr-calls";
import { operationLabel, regionLabel } from "./process-metrics";

describe("statusClassOf", () => {
  it.each([
    [{ status: 200 }, "2xx"],
    [{ status: 204 }, "2xx"],
    [{ status: 302 }, "3xx"],
    [{ status: 404 }, "4xx"],
    [{ status: 429 }, "4xx"],
    [{ status: 503 }, "5xx"],
    [{ failure: "network" as const }, "network"],
    [{ failure: "timeout" as const }, "timeout"],
  ])("%j → %s", (e, cls) => {
    expect(statusClassOf(e)).toBe(cls);
  });
});

describe("label values stay bounded", () => {
  it.each([
    ["ShowSyncJob", "ShowSyncJob"],
    ["KeystoneListProjects", "KeystoneListProjects"],
    ["SomethingNew", "other"],
  ])("operation %s → %s", (op, label) => expect(operationLabel(op)).toBe(label));
  it.each([
    ["cn-north-4", "cn-north-4"],
    ["ap-southeast-1", "ap-southeast-1"],
    ["https://evil.example", "other"],
    ["cn-north-4'; DROP", "other"],
  ])("region %s → %s", (region, label) => expect(regionLabel(region)).toBe(label));
});

describe("whether SWR of a region answered", () => {
  beforeEach(() => forgetSwrCalls());
  const t = (s: number) => new Date(Date.UTC(2026, 11, 6, 12, 0, s));
  const call = (e: { status?: number; failure?: "network" | "timeout"; service?: "SWR" | "IAM" }, at: Date) =>
    observeSwrExchange({ operation: "ListNamespaces", region: "cn-east-3", service: "SWR", seconds: 0.01, ...e }, at);

  it.each([
    [{ status: 200 }, true],
    [{ status: 404 }, true],
    [{ status: 429 }, true],
    [{ status: 500 }, false],
    [{ failure: "network" as const }, false],
    [{ failure: "timeout" as const }, false],
  ])("%j answered: %s", (e, answered) => {
    call(e, t(1));
    expect(lastSwrCalls("cn-east-3")).toMatchObject({ lastCallAt: t(1), lastAnswered: answered, lastAnsweredAt: answered ? t(1) : null });
  });

  it("keeps the time of the last answer through later failures", () => {
    call({ status: 200 }, t(1));
    call({ failure: "timeout" }, t(5));
    expect(lastSwrCalls("cn-east-3")).toEqual({ lastCallAt: t(5), lastAnswered: false, lastStatusClass: "timeout", lastAnsweredAt: t(1) });
  });

  it("leaves IAM calls out of SWR's record", () => {
    call({ failure: "network", service: "IAM" }, t(1));
    expect(lastSwrCalls("cn-east-3")).toBeUndefined();
  });
});
