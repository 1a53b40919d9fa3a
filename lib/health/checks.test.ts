import { describe, expect, it } from "vitest";
import type { EngineBeat } from "@/lib/metrics/engine";
import type { RegionCalls } from "@/lib/metrics/swr-calls";
import { checkEngine, checkSwr } from "./checks";

const now = new Date("2026-12-06T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("checkEngine", () => {
  const beat = (startedMsAgo: number, tickMsAgo: number | null): EngineBeat => ({
    pollMs: 5_000,
    startedAt: ago(startedMsAgo),
    lastTickAt: tickMsAgo === null ? null : ago(tickMsAgo),
  });
  it.each([
    ["off", false, undefined, "skipped", /SYNC_ENGINE=off/],
    ["not running", true, undefined, "failing", /not running/],
    ["ticked a second ago", true, beat(60_000, 1_000), "ok", /Last tick 1\.0 s ago \(poll interval 5\.0 s\)/],
    ["ticked exactly 3 poll intervals ago", true, beat(60_000, 15_000), "ok", /Last tick/],
    ["stalled for 4 poll intervals", true, beat(60_000, 20_000), "failing", /20 s ago: more than 3 poll intervals/],
    ["just started, no tick yet", true, beat(2_000, null), "ok", /no tick yet/],
    ["started long ago, never ticked", true, beat(30_000, null), "failing", /no tick yet, 30 s ago/],
  ] as const)("%s → %s", (_, on, b, state, detail) => {
    const check = checkEngine(on, b, now);
    expect(check.state).toBe(state);
    expect(check.detail).toMatch(detail);
  });
});

describe("checkSwr", () => {
  const calls = (c: Partial<RegionCalls>): RegionCalls => ({
    lastCallAt: ago(2_000),
    lastAnswered: true,
    lastStatusClass: "2xx",
    lastAnsweredAt: ago(2_000),
    ...c,
  });
  it.each([
    ["no call yet", undefined, "ok", /No call to SWR in cn-north-4 yet/],
    ["answered with 2xx", calls({}), "ok", /answered the last call \(2xx\)/],
    ["answered with 4xx (an answer)", calls({ lastStatusClass: "4xx" }), "ok", /answered the last call \(4xx\)/],
    [
      "failed, but answered 30 s ago",
      calls({ lastAnswered: false, lastStatusClass: "timeout", lastAnsweredAt: ago(30_000) }),
      "ok",
      /failed \(timeout\) 2\.0 s ago; it answered 30 s ago/,
    ],
    [
      "failed, last answer 61 s ago",
      calls({ lastAnswered: false, lastStatusClass: "5xx", lastAnsweredAt: ago(61_000) }),
      "failing",
      /failed \(5xx\).*last answer was 61 s ago/,
    ],
    [
      "never answered",
      calls({ lastAnswered: false, lastStatusClass: "network", lastAnsweredAt: null }),
      "failing",
      /failed \(network\).*has not answered since this instance started/,
    ],
  ] as const)("%s → %s", (_, c, state, detail) => {
    const check = checkSwr("cn-north-4", c, now);
    expect(check.state).toBe(state);
    expect(check.detail).toMatch(detail);
  });
});
