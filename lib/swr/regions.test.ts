import { describe, expect, it } from "vitest";
import { iamEndpoint, regionIdSchema, regionLabel, staticSyncTargets, SWR_REGIONS, swrEndpoint } from "./regions";

describe("region table", () => {
  it("has the 27 regions of SDK 3.1.128, each once", () => {
    expect(SWR_REGIONS).toHaveLength(27);
    expect(new Set(SWR_REGIONS.map((r) => r.id)).size).toBe(27);
  });

  it("drops only the source from the static sync targets", () => {
    const targets = staticSyncTargets("cn-north-4").map((r) => r.id);
    expect(targets).toHaveLength(26);
    expect(targets).not.toContain("cn-north-4");
  });

  it.each([
    ["ap-southeast-1", "CN-Hong Kong"],
    ["cn-north-208", "cn-north-208"],
  ])("labels %s as %s", (id, label) => {
    expect(regionLabel(id)).toBe(label);
  });

  it.each([
    ["cn-north-4", true],
    ["my-kualalumpur-1", true],
    ["cn-north-208", true],
    ["CN-NORTH-4", false],
    ["cn-north", false],
    ["../etc", false],
    ["", false],
  ])("validates the region ID %j → %s", (id, ok) => {
    expect(regionIdSchema.safeParse(id).success).toBe(ok);
  });
});

describe("endpoints", () => {
  it.each([
    ["cn-north-4", undefined, "https://swr-api.cn-north-4.myhuaweicloud.com"],
    ["eu-west-101", undefined, "https://swr-api.eu-west-101.myhuaweicloud.eu"],
    ["eu-west-101", "https://swr-api.{region}.myhuaweicloud.com/", "https://swr-api.eu-west-101.myhuaweicloud.eu"],
    ["eu-west-101", "http://127.0.0.1:8080/{region}", "http://127.0.0.1:8080/eu-west-101"],
    ["cn-north-4", "http://127.0.0.1:8080/{region}/", "http://127.0.0.1:8080/cn-north-4"],
  ])("SWR of %s with template %s is %s", (region, template, url) => {
    expect(swrEndpoint(region, template)).toBe(url);
  });

  it.each([
    ["cn-north-4", undefined, "https://iam.myhuaweicloud.com"],
    ["eu-west-101", undefined, "https://iam.eu-west-101.myhuaweicloud.eu"],
    ["cn-north-4", "https://iam.{region}.myhuaweicloud.com", "https://iam.cn-north-4.myhuaweicloud.com"],
    ["eu-west-101", "http://127.0.0.1:8080", "http://127.0.0.1:8080"],
  ])("IAM of %s with template %s is %s", (region, template, url) => {
    expect(iamEndpoint(region, template)).toBe(url);
  });

  it("refuses to put a malformed region into a URL", () => {
    expect(() => swrEndpoint("evil.com/x")).toThrow();
  });
});
