import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { english } from "@/i18n/english";
import { type Message, msg } from "@/i18n/message";

// Server-side request forgery guard: a webhook may only reach public unicast addresses, unless WEBHOOK_ALLOW_PRIVATE.
// Checked when a webhook is saved (the host literal and what its name resolves to) and again before every delivery,
// which then connects to the very address that was checked, so a DNS answer that changes in between gains nothing.

/** Why a webhook may not reach a URL: `msg` for people (on the form's URL field), `message` in English (delivery log). */
export class WebhookAddressError extends Error {
  constructor(readonly msg: Message) {
    super(english(msg));
    this.name = "WebhookAddressError";
  }
}

/** The special-purpose ranges ipaddr.js names that have their own sentence (errors.webhooks.url.<range>). */
const NAMED_RANGES = new Set([
  "loopback",
  "private",
  "uniqueLocal",
  "linkLocal",
  "carrierGradeNat",
  "multicast",
  "broadcast",
  "unspecified",
  "reserved",
]);

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
export function addressProblem(address: string): Message | null {
  if (!ipaddr.isValid(address)) return msg("errors.webhooks.url.notIp", { address });
  let ip = ipaddr.parse(address);
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const normal = ip.toString();
  if (METADATA.has(normal)) return msg("errors.webhooks.url.metadata", { address: normal });
  const range = ip.range();
  if (range === "unicast") return null;
  return NAMED_RANGES.has(range)
    ? msg(`errors.webhooks.url.${range}`, { address: normal })
    : msg("errors.webhooks.url.specialRange", { address: normal, range });
}

/** The URL if it is an absolute http(s) URL without credentials; otherwise the reason. */
export function parseWebhookUrl(raw: string): URL {
  if (!URL.canParse(raw)) throw new WebhookAddressError(msg("errors.webhooks.url.notAbsolute"));
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new WebhookAddressError(msg("errors.webhooks.url.scheme", { scheme: url.protocol }));
  if (url.username || url.password) throw new WebhookAddressError(msg("errors.webhooks.url.credentials"));
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
      throw new WebhookAddressError(msg("errors.webhooks.url.unresolved", { host }));
    }
    if (addresses.length === 0) throw new WebhookAddressError(msg("errors.webhooks.url.unresolved", { host }));
  }
  if (!options.allowPrivate) {
    for (const a of addresses) {
      const problem = addressProblem(a.address);
      if (problem) {
        throw new WebhookAddressError(
          ipaddr.isValid(host)
            ? msg("errors.webhooks.url.notPublic", { problem })
            : msg("errors.webhooks.url.notPublicVia", { host, address: a.address, problem }),
        );
      }
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
