import { describe, expect, it } from "vitest";
import { checkProxyTargets, percentile, proxyFigures, type ProxyMeasurement } from "./proxy-figures";

describe("percentile", () => {
  it.each([
    [[], 50, undefined],
    [[7], 50, 7],
    [[4, 1, 3, 2], 50, 2],
    [[5, 1, 4, 2, 3], 50, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[3, 1, 2], 100, 3],
  ])("of %j at p%d is %s", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("proxyFigures", () => {
  it("takes the ratio and the overhead over all rounds, and the spread of the rounds' own ratios", () => {
    const f = proxyFigures([
      { appMs: [33, 34, 35], directMs: [30, 31, 32] },
      { appMs: [36, 37, 38], directMs: [30, 30, 30] },
    ]);
    expect(f).toMatchObject({ appP50: 35, directP50: 30, overheadMs: 5, requests: 12 });
    expect(f?.ratio).toBeCloseTo(35 / 30);
    expect(f?.roundRatios.min).toBeCloseTo(34 / 31);
    expect(f?.roundRatios.max).toBeCloseTo(37 / 30);
  });

  it("has no figures without latencies", () => {
    expect(proxyFigures([{ appMs: [], directMs: [1] }])).toBeUndefined();
  });
});

describe("checkProxyTargets", () => {
  const m = (scenario: string, latencyMs: number, clients: number, appP50: number, directP50: number): ProxyMeasurement => ({
    scenario,
    latencyMs,
    clients,
    figures: { appP50, directP50, ratio: appP50 / directP50, overheadMs: appP50 - directP50, roundRatios: { min: 1, max: 1 }, requests: 2 },
  });

  it("checks every ratio at the injected latency, and only the 5-tag page's overhead without it", () => {
    const checks = checkProxyTargets([
      m("tags-5", 30, 1, 33, 30),
      m("repositories-20", 30, 10, 40, 30),
      m("tags-5", 0, 1, 2.5, 1),
      m("tags-100", 0, 1, 9, 1),
    ]);
    expect(checks.map((c) => [c.target, c.met])).toEqual([
      ["tags-5, 1 client, SWR 30 ms: app p50 ÷ direct p50", true],
      ["repositories-20, 10 clients, SWR 30 ms: app p50 ÷ direct p50", false],
      ["tags-5, 1 client, SWR at once: app p50 − direct p50 (ms)", true],
    ]);
  });
});
