import { isIP } from "node:net";

// The client's address for per-address sign-in throttling. Route handlers never see the socket, and Next keeps a
// client-sent X-Forwarded-For as it is, so the header counts only behind proxies that the TRUSTED_PROXIES setting
// names; then the entry the outermost of them appended is used, not the first (a client can write the first itself).

type Headers = Record<string, string | string[] | undefined> | undefined;

/** The address the outermost of `trustedProxies` proxies saw, or null when it cannot be known. */
export function clientAddress(headers: Headers, trustedProxies: number): string | null {
  if (trustedProxies < 1) return null;
  const raw = headers?.["x-forwarded-for"];
  const hops = [raw ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const hop = hops[Math.max(0, hops.length - trustedProxies)];
  if (!hop || isIP(hop) === 0) return null;
  // An IPv4 client of a dual-stack listener appears as ::ffff:a.b.c.d: one address, one key.
  return hop.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}
