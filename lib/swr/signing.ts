// SDK-HMAC-SHA256 request signing (contract §4.1). Pure functions holding no secret of their own:
// the server-side SWR client signs with them and the simulator verifies with them.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
export type QueryValue = string | readonly string[] | undefined;
export type Query = Record<string, QueryValue>;

const sha256Hex = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hmacHex = (key: string, s: string) => createHmac("sha256", key).update(s, "utf8").digest("hex");

/** RFC 3986 percent-encoding of UTF-8 bytes with upper-case hex, keeping A–Z a–z 0–9 - _ . ~ */
export function encodeRfc3986(s: string): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    const unreserved =
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e;
    out += unreserved ? String.fromCharCode(b) : "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** `YYYYMMDDTHHmmssZ` in UTC. */
export function formatSdkDate(d: Date = new Date()): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** Parses an `X-Sdk-Date` value; undefined when malformed. */
export function parseSdkDate(v: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatSdkDate(date) === v ? date : undefined;
}

/** Canonical query: names sorted by code unit, repeated names emit one pair per sorted value. */
export function canonicalQueryString(query: Query = {}): string {
  const parts: string[] = [];
  for (const name of Object.keys(query).sort()) {
    const v = query[name];
    if (v === undefined) continue;
    const values = typeof v === "string" ? [v] : [...v].sort();
    for (const one of values) parts.push(`${encodeRfc3986(name)}=${encodeRfc3986(one)}`);
  }
  return parts.join("&");
}

/** Canonical URI: each raw path segment encoded, always ending in `/`. */
export function canonicalUri(path: string): string {
  const uri = path.split("/").map(encodeRfc3986).join("/");
  return uri.endsWith("/") ? uri : uri + "/";
}

export interface CanonicalInput {
  method: string;
  /** Raw request path as sent (repository already with `/` → `$`), without the query. */
  path: string;
  query?: Query;
  /** Exactly the headers to sign, including `host` and `X-Sdk-Date`. */
  signedHeaders: Record<string, string>;
  /** Hex SHA-256 of the payload; defaults to the hash of the empty body. */
  payloadHash?: string;
}

function sortedHeaderNames(headers: Record<string, string>): string[] {
  return Object.keys(headers).sort((a, b) => {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  });
}

export function canonicalRequest(i: CanonicalInput): { request: string; signedHeaderNames: string } {
  const names = sortedHeaderNames(i.signedHeaders);
  const canonicalHeaders = names.map((n) => `${n.toLowerCase()}:${i.signedHeaders[n]}\n`).join("");
  const signedHeaderNames = names.map((n) => n.toLowerCase()).join(";");
  const request = [
    i.method.toUpperCase(),
    canonicalUri(i.path),
    canonicalQueryString(i.query),
    canonicalHeaders,
    signedHeaderNames,
    i.payloadHash ?? EMPTY_BODY_SHA256,
  ].join("\n");
  return { request, signedHeaderNames };
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return [SIGNING_ALGORITHM, sdkDate, sha256Hex(canonical)].join("\n");
}

export function signature(sk: string, toSign: string): string {
  return hmacHex(sk, toSign);
}

export function payloadHash(body: string | undefined): string {
  return body === undefined || body === "" ? EMPTY_BODY_SHA256 : sha256Hex(body);
}

export interface SignRequestInput {
  method: HttpMethod;
  /** `host[:port]` exactly as the URL carries it. */
  host: string;
  path: string;
  query?: Query;
  /** Headers to sign and send, e.g. Content-Type and X-Project-Id. */
  headers?: Record<string, string>;
  /** The exact body string that will be sent. */
  body?: string;
  ak: string;
  sk: string;
  now?: Date;
}

/** Returns the headers to send: the input headers plus `X-Sdk-Date` and `Authorization` (not `host`). */
export function signRequest(i: SignRequestInput): Record<string, string> {
  const sdkDate = formatSdkDate(i.now);
  const toSign: Record<string, string> = { ...i.headers, "X-Sdk-Date": sdkDate, host: i.host };
  const { request, signedHeaderNames } = canonicalRequest({
    method: i.method,
    path: i.path,
    query: i.query,
    signedHeaders: toSign,
    payloadHash: i.headers?.["X-Sdk-Content-Sha256"] ?? payloadHash(i.body),
  });
  const sig = signature(i.sk, stringToSign(sdkDate, request));
  const { host: _host, ...send } = toSign;
  send.Authorization = `${SIGNING_ALGORITHM} Access=${i.ak}, SignedHeaders=${signedHeaderNames}, Signature=${sig}`;
  return send;
}

export interface ParsedAuthorization {
  access: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`; undefined when malformed. */
export function parseAuthorization(v: string | undefined): ParsedAuthorization | undefined {
  const m = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/.exec(v ?? "");
  if (!m) return undefined;
  return { access: m[1]!, signedHeaders: m[2]!.split(";"), signature: m[3]! };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
