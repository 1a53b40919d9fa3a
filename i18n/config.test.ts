import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveTimeZone } from "./config";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,zh;q=0.5,en;q=0.4", "zh-CN"],
    ["en;q=0.2,zh;q=0.8", "zh-CN"],
    ["fr,de", "en"],
    ["zh;q=0", "en"],
  ])("%j → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe("resolveTimeZone", () => {
  it.each([
    [undefined, "UTC"],
    ["", "UTC"],
    ["Asia/Shanghai", "Asia/Shanghai"],
    ["Europe/Berlin", "Europe/Berlin"],
    ["Not/AZone", "UTC"],
    ["x".repeat(100), "UTC"],
  ])("%j → %s", (raw, zone) => {
    expect(resolveTimeZone(raw)).toBe(zone);
  });
});
