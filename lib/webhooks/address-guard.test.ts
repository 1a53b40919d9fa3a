import { describe, expect, it } from "vitest";
import { english } from "@/i18n/english";
import { addressProblem, resolveWebhookTarget, WebhookAddressError, type LookupAll } from "./address-guard";

describe("addressProblem", () => {
  it.each([
    ["127.0.0.1", "loopback", "127.0.0.1 is a loopback address"],
    ["127.255.0.9", "loopback", "127.255.0.9 is a loopback address"],
    ["10.1.2.3", "private", "10.1.2.3 is a private network address"],
    ["172.16.0.1", "private", "172.16.0.1 is a private network address"],
    ["192.168.1.1", "private", "192.168.1.1 is a private network address"],
    ["100.64.0.1", "carrierGradeNat", "100.64.0.1 is a carrier-grade NAT address"],
    ["169.254.169.254", "metadata", "169.254.169.254 is a cloud metadata service"],
    ["169.254.1.1", "linkLocal", "169.254.1.1 is a link-local address (which includes cloud metadata services)"],
    ["100.100.100.200", "metadata", "100.100.100.200 is a cloud metadata service"],
    ["0.0.0.0", "unspecified", "0.0.0.0 is the unspecified address"],
    ["224.0.0.1", "multicast", "224.0.0.1 is a multicast address"],
    ["255.255.255.255", "broadcast", "255.255.255.255 is the broadcast address"],
    ["192.0.2.1", "reserved", "192.0.2.1 is a reserved address"],
    ["::1", "loopback", "::1 is a loopback address"],
    ["::", "unspecified", ":: is the unspecified address"],
    ["fe80::1", "linkLocal", "fe80::1 is a link-local address (which includes cloud metadata services)"],
    ["fc00::1", "uniqueLocal", "fc00::1 is a unique-local (private) IPv6 address"],
    ["fd00:ec2::254", "metadata", "fd00:ec2::254 is a cloud metadata service"],
    ["ff02::1", "multicast", "ff02::1 is a multicast address"],
    ["::ffff:127.0.0.1", "loopback", "127.0.0.1 is a loopback address"],
    ["::ffff:10.0.0.1", "private", "10.0.0.1 is a private network address"],
    ["::ffff:169.254.169.254", "metadata", "169.254.169.254 is a cloud metadata service"],
    ["64:ff9b::7f00:1", "specialRange", "64:ff9b::7f00:1 is in the special-purpose range “rfc6052”"],
    ["2002:7f00:1::1", "specialRange", "2002:7f00:1::1 is in the special-purpose range “6to4”"],
    ["2001::1", "specialRange", "2001::1 is in the special-purpose range “teredo”"],
    ["2001:db8::1", "reserved", "2001:db8::1 is a reserved address"],
  ])("refuses %s (%s)", (address, reason, sentence) => {
    const problem = addressProblem(address);
    expect(problem?.key).toBe(`errors.webhooks.url.${reason}`);
    expect(english(problem!)).toBe(sentence);
  });

  it.each(["8.8.8.8", "1.1.1.1", "203.0.114.7", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows the public address %s", (address) => {
    expect(addressProblem(address)).toBeNull();
  });
});

const resolvesTo =
  (...addresses: string[]): LookupAll =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("resolveWebhookTarget", () => {
  const guarded = { allowPrivate: false };

  it.each([
    ["ftp://example.com/hook", /https:\/\/ or http:\/\//],
    ["file:///etc/passwd", /https:\/\/ or http:\/\//],
    ["javascript:alert(1)", /https:\/\/ or http:\/\//],
    ["not a url", /absolute URL/],
    ["https://user:pass@example.com/", /credentials/],
    ["http://127.0.0.1:3000/", /loopback/],
    ["http://[::1]/", /loopback/],
    ["http://[::ffff:7f00:1]/", /loopback/],
    ["http://2130706433/", /loopback/],
    ["http://0x7f.1/", /loopback/],
    ["http://169.254.169.254/latest/meta-data/", /metadata/],
    ["http://[fd00:ec2::254]/", /metadata/],
    ["http://10.0.0.8/", /private/],
  ])("refuses %s", async (url, reason) => {
    await expect(resolveWebhookTarget(url, guarded)).rejects.toThrow(reason);
  });

  it("refuses a host name that resolves to a private address, naming both", async () => {
    const problem = resolveWebhookTarget("https://hooks.example.com/x", { ...guarded, lookup: resolvesTo("10.0.0.5") });
    await expect(problem).rejects.toMatchObject({
      msg: {
        key: "errors.webhooks.url.notPublicVia",
        params: {
          host: "hooks.example.com",
          address: "10.0.0.5",
          problem: { key: "errors.webhooks.url.private", params: { address: "10.0.0.5" } },
        },
      },
      message:
        "hooks.example.com resolves to 10.0.0.5, and 10.0.0.5 is a private network address: webhooks may only reach public addresses (set WEBHOOK_ALLOW_PRIVATE=true to allow private ones).",
    });
  });

  it("refuses a name when any of its addresses is private (no picking the public one)", async () => {
    await expect(resolveWebhookTarget("https://hooks.example.com/", { ...guarded, lookup: resolvesTo("8.8.8.8", "::1") })).rejects.toThrow(WebhookAddressError);
  });

  it("refuses a name that does not resolve", async () => {
    const lookup: LookupAll = () => Promise.reject(new Error("ENOTFOUND"));
    await expect(resolveWebhookTarget("https://nowhere.example/", { ...guarded, lookup })).rejects.toThrow(/does not resolve/);
  });

  it("answers the checked address to connect to", async () => {
    const target = await resolveWebhookTarget("https://hooks.example.com/x", { ...guarded, lookup: resolvesTo("2606:4700::1", "8.8.8.8") });
    expect(target).toMatchObject({ address: "2606:4700::1", family: 6 });
    expect(target.url.hostname).toBe("hooks.example.com");
  });

  it("with WEBHOOK_ALLOW_PRIVATE lets private addresses through, but still only http(s)", async () => {
    expect((await resolveWebhookTarget("http://127.0.0.1:4000/", { allowPrivate: true })).address).toBe("127.0.0.1");
    await expect(resolveWebhookTarget("gopher://127.0.0.1/", { allowPrivate: true })).rejects.toThrow(/https:\/\//);
  });
});
