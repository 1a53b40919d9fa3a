import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it.each<[string, Record<string, string | string[] | undefined> | undefined, number, string | null]>([
    ["no proxy: the header is the client's own word", { "x-forwarded-for": "203.0.113.7" }, 0, null],
    ["one proxy that set the header", { "x-forwarded-for": "203.0.113.7" }, 1, "203.0.113.7"],
    [
      "one proxy that appended to a forged header",
      { "x-forwarded-for": "10.0.0.1, 203.0.113.7" },
      1,
      "203.0.113.7",
    ],
    ["two proxies", { "x-forwarded-for": "forged, 203.0.113.7, 10.0.0.2" }, 2, "203.0.113.7"],
    ["fewer hops than proxies", { "x-forwarded-for": "203.0.113.7" }, 3, "203.0.113.7"],
    ["an IPv6 client", { "x-forwarded-for": "2001:DB8::1" }, 1, "2001:db8::1"],
    [
      "an IPv4 client on a dual-stack listener",
      { "x-forwarded-for": "::ffff:203.0.113.7" },
      1,
      "203.0.113.7",
    ],
    ["a header sent twice", { "x-forwarded-for": ["198.51.100.1", "203.0.113.7"] }, 1, "203.0.113.7"],
    ["no header", {}, 1, null],
    ["no headers at all", undefined, 1, null],
    ["junk", { "x-forwarded-for": "<script>" }, 1, null],
    ["an address with a port", { "x-forwarded-for": "203.0.113.7:4711" }, 1, null],
  ])("%s", (_what, headers, proxies, address) => {
    expect(clientAddress(headers, proxies)).toBe(address);
  });
});
