import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeaders, signBody, verifySignature } from "./signing";

describe("webhook signatures", () => {
  const secret = "a-webhook-secret-1234";
  const body = '{"event":"job.succeeded"}';

  it("is sha256= and the hex HMAC-SHA256 of `<timestamp>.<body>` under the secret", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signBody(secret, 1_700_000_000, body)).toBe(`sha256=${expected}`);
  });

  it("sends the timestamp it signed, in Unix seconds", () => {
    const headers = signatureHeaders(secret, body, new Date("2026-12-06T00:00:00.999Z"));
    expect(headers["X-SWR-Sync-Timestamp"]).toBe("1796515200");
    expect(verifySignature(secret, headers["X-SWR-Sync-Timestamp"]!, body, headers["X-SWR-Sync-Signature"])).toBe(true);
  });

  it.each([
    ["another secret", "another-secret-12345", "1700000000", body],
    ["another timestamp", secret, "1700000001", body],
    ["a changed body", secret, "1700000000", body.replace("succeeded", "failed")],
    ["a timestamp that is not a number", secret, "17e8", body],
  ])("fails with %s", (_, s, timestamp, b) => {
    expect(verifySignature(s, timestamp, b, signBody(secret, 1_700_000_000, body))).toBe(false);
  });

  it.each([null, undefined, "", "sha256=", "sha1=abc", `sha256=${"0".repeat(64)}`])("refuses the signature %j", (signature) => {
    expect(verifySignature(secret, "1700000000", body, signature)).toBe(false);
  });
});
