import { describe, expect, it } from "vitest";
import { RegionGate } from "./region-gate";

// The places among a region's sync_images calls: a slow call may give its place back, up to a bound of such calls.

const now = () => new Date("2026-12-07T10:00:00Z");
/** Resolves to true when `p` settles before the event loop has run the timers once more. */
const settlesNow = async (p: Promise<unknown>) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), 5))]);

describe("RegionGate", () => {
  it("holds a region's calls to its places; other regions go on", async () => {
    const gate = new RegionGate(2, now);
    const a = await gate.acquire("cn-north-4");
    await gate.acquire("cn-north-4");
    const third = gate.acquire("cn-north-4");
    expect(await settlesNow(third)).toBe(false);
    expect(await settlesNow(gate.acquire("ap-southeast-1"))).toBe(true);
    a.release();
    expect(await settlesNow(third)).toBe(true);
  });

  it("lets a slow call give its place to the next one, up to its bound of slow calls", async () => {
    const gate = new RegionGate(1, now, 2);
    const first = await gate.acquire("cn-north-4");
    expect(first.letGo()).toBe(true);
    const second = await gate.acquire("cn-north-4");
    expect(second.letGo()).toBe(true);
    const third = await gate.acquire("cn-north-4");
    // Two slow calls are out: the third keeps its place, and the next call waits for it.
    expect(third.letGo()).toBe(false);
    const fourth = gate.acquire("cn-north-4");
    expect(await settlesNow(fourth)).toBe(false);
    // A slow call that ends frees a slow call's count, not a place.
    first.release();
    expect(await settlesNow(fourth)).toBe(false);
    expect(third.letGo()).toBe(true);
    expect(await settlesNow(fourth)).toBe(true);
  });

  it("releases a place once, however often release is called, and a released call cannot give it back again", async () => {
    const gate = new RegionGate(1, now);
    const slot = await gate.acquire("cn-north-4");
    slot.release();
    slot.release();
    expect(slot.letGo()).toBe(false);
    await gate.acquire("cn-north-4");
    expect(await settlesNow(gate.acquire("cn-north-4"))).toBe(false);
  });
});

describe("a region's run of failed calls", () => {
  it("counts failures in a row and starts again after a success, per region", () => {
    const gate = new RegionGate(8, now);
    expect([gate.failed("cn-north-4"), gate.failed("cn-north-4"), gate.failed("ap-southeast-1")]).toEqual([1, 2, 1]);
    gate.succeeded("cn-north-4");
    expect(gate.failed("cn-north-4")).toBe(1);
  });
});
