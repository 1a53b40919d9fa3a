import { describe, expect, it } from "vitest";
import { english } from "@/i18n/english";
import { documentedSyncTargets, iamEndpoint, regionLabel, SWR_REGIONS, SWR_SYNC_REGION_IDS, swrEndpoint, syncRegionProblem } from "./regions";

describe("region table", () => {
  it("has the 27 regions of SDK 3.1.128, each once", () => {
    expect(SWR_REGIONS).toHaveLength(27);
    expect(new Set(SWR_REGIONS.map((r) => r.id)).size).toBe(27);
  });

  it("knows the seven documented sync regions, all of them in the table", () => {
    expect(SWR_SYNC_REGION_IDS).toHaveLength(7);
    expect(SWR_SYNC_REGION_IDS.every((id) => SWR_REGIONS.some((r) => r.id === id))).toBe(true);
  });

  it.each([
    ["cn-north-4", ["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"]],
    ["ap-southeast-3", ["cn-north-1", "cn-north-4", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1"]],
    ["cn-southwest-2", []],
    ["cn-north-208", []],
  ])("offers %s the documented sync targets %j", (source, targets) => {
    expect(documentedSyncTargets(source).map((r) => r.id)).toEqual(targets);
  });

  it.each([
    ["ap-southeast-1", "CN-Hong Kong"],
    ["cn-north-208", "cn-north-208"],
  ])("labels %s as %s", (id, label) => {
    expect(regionLabel(id)).toBe(label);
  });
});

describe("syncRegionProblem", () => {
  const regions = "cn-north-1, cn-north-4, cn-east-2, cn-east-3, cn-south-1, ap-southeast-1, ap-southeast-3";
  it.each<[string, string, ReturnType<typeof syncRegionProblem>]>([
    ["cn-north-4", "ap-southeast-1", null],
    ["ap-southeast-3", "cn-north-1", null],
    ["cn-southwest-2", "cn-north-4", { end: "source", region: "cn-southwest-2", msg: { key: "jobErrors.syncFromRegion", params: { region: "cn-southwest-2 (CN Southwest-Guiyang1)", regions } } }],
    ["cn-north-4", "eu-west-0", { end: "target", region: "eu-west-0", msg: { key: "jobErrors.syncToRegion", params: { region: "eu-west-0 (EU-Paris)", regions } } }],
    ["eu-west-0", "cn-north-208", { end: "source", region: "eu-west-0", msg: { key: "jobErrors.syncFromRegion", params: { region: "eu-west-0 (EU-Paris)", regions } } }],
    ["cn-north-4", "cn-north-208", { end: "target", region: "cn-north-208", msg: { key: "jobErrors.syncToRegion", params: { region: "cn-north-208", regions } } }],
  ])("%s → %s", (source, target, expected) => {
    expect(syncRegionProblem(source, target)).toEqual(expected);
  });

  it("reads as a sentence naming the region and the sync regions", () => {
    expect(english(syncRegionProblem("cn-north-4", "eu-west-0")!.msg)).toBe(
      `SWR does not support image sync to eu-west-0 (EU-Paris); it syncs images only among ${regions}.`,
    );
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
