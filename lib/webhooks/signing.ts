import { createHmac, timingSafeEqual } from "node:crypto";

// The signature a receiver checks: HMAC-SHA256 under the webhook's secret of `<timestamp>.<body>`, where
// <timestamp> is the X-SWR-Sync-Timestamp header (Unix seconds) and <body> the exact request body bytes.
// Signing the timestamp with the body lets a receiver refuse replays of an old request.

export const SIGNATURE_HEADER = "X-SWR-Sync-Signature";
export const TIMESTAMP_HEADER = "X-SWR-Sync-Timestamp";
export const EVENT_HEADER = "X-SWR-Sync-Event";
export const DELIVERY_HEADER = "X-SWR-Sync-Delivery";

/** `sha256=<hex>` for `timestamp` and `body`. */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Whether `signature` is the one `secret` gives; constant time; false for anything malformed. */
export function verifySignature(secret: string, timestamp: string | number, body: string, signature: string | null | undefined): boolean {
  if (!signature || !/^\d{1,12}$/.test(String(timestamp))) return false;
  const expected = Buffer.from(signBody(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signing headers of one request, sent at `now`. */
export function signatureHeaders(secret: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signBody(secret, timestamp, body) };
}
