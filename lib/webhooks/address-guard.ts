import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

// Server-side request forgery guard: a webhook may only reach public unicast addresses, unless WEBHOOK_ALLOW_PRIVATE.
// Checked when a webhook is saved (the host literal and what its name resolves to) and again before every delivery,
// which then connects to the very address that was checked, so a DNS answer that changes in between gains nothing.

export class WebhookAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookAddressError";
  }
}

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  uniqueLocal: "a unique-local (private) IPv6 address",
  linkLocal: "a link-local address (which includes cloud metadata services)",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  unspecified: "the unspecified address",
  reserved: "a reserved address",
};

// Cloud metadata services that are not in a link-local range (AWS's IPv6 one is unique-local, named for the message).
const METADATA = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

const LOOKUP_TIMEOUT_MS = 5_000;

/** The system resolver, given up on after a few seconds (a request must not hang on a name that never answers). */
const systemLookup: LookupAll = (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("DNS lookup timed out")), LOOKUP_TIMEOUT_MS);
  });
  return Promise.race([dnsLookup(hostname, { all: true, verbatim: true }), timeout]).finally(() => clearTimeout(timer));
};

/** Why a webhook may not reach `address`, or null when it is a public unicast address. */
export function addressProblem(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let ip = ipaddr.parse(address);
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const normal = ip.toString();
  if (METADATA.has(normal)) return `${normal} is a cloud metadata service`;
  const range = ip.range();
  if (range === "unicast") return null;
  return `${normal} is ${RANGE_NAMES[range] ?? `in the special-purpose range "${range}"`}`;
}

/** The URL if it is an absolute http(s) URL without credentials; otherwise the reason. */
export function parseWebhookUrl(raw: string): URL {
  if (!URL.canParse(raw)) throw new WebhookAddressError("Enter an absolute URL such as https://hooks.example.com/swr-sync.");
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new WebhookAddressError(`A webhook URL must start with https:// or http://, not ${url.protocol}//.`);
  if (url.username || url.password) throw new WebhookAddressError("Put credentials in the webhook's secret, not in its URL.");
  return url;
}

export interface ResolvedTarget {
  url: URL;
  /** The address to connect to: checked, unless private addresses are allowed. */
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the URL's host and checks every address it names; the first is the one to connect to.
 * With `allowPrivate` the addresses are resolved but not checked.
 */
export async function resolveWebhookTarget(raw: string, options: { allowPrivate: boolean; lookup?: LookupAll }): Promise<ResolvedTarget> {
  const url = parseWebhookUrl(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === "ipv6" ? 6 : 4 }];
  } else {
    try {
      addresses = await (options.lookup ?? systemLookup)(host);
    } catch {
      throw new WebhookAddressError(`The host name ${host} does not resolve.`);
    }
    if (addresses.length === 0) throw new WebhookAddressError(`The host name ${host} does not resolve.`);
  }
  if (!options.allowPrivate) {
    for (const a of addresses) {
      const problem = addressProblem(a.address);
      if (problem) {
        const via = ipaddr.isValid(host) ? "" : `${host} resolves to ${a.address}, and `;
        throw new WebhookAddressError(`${via}${problem}: webhooks may only reach public addresses (set WEBHOOK_ALLOW_PRIVATE=true to allow private ones).`);
      }
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
