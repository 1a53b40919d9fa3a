import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, keyIdOf, SecretBoxError } from "./secret-box";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");

describe("secret box (AES-256-GCM)", () => {
  it("opens what it sealed, with a fresh IV each time and the key's id", () => {
    const box = createSecretBox(keyA);
    const one = box.seal("a-webhook-secret-1234");
    const two = box.seal("a-webhook-secret-1234");
    expect(box.open(one)).toBe("a-webhook-secret-1234");
    expect(one.iv).not.toBe(two.iv);
    expect(one.ciphertext).not.toBe(two.ciphertext);
    expect(one.keyId).toBe(keyIdOf(Buffer.from(keyA, "base64")));
    expect(one.ciphertext).not.toContain("secret");
  });

  it.each([
    ["ciphertext", (s: { ciphertext: string }) => ({ ...s, ciphertext: flip(s.ciphertext) })],
    ["tag", (s: { tag: string }) => ({ ...s, tag: flip(s.tag) })],
    ["iv", (s: { iv: string }) => ({ ...s, iv: flip(s.iv) })],
  ])("refuses a value whose %s was changed", (_, tamper) => {
    const box = createSecretBox(keyA);
    const sealed = box.seal("a-webhook-secret-1234");
    expect(() => box.open(tamper(sealed) as typeof sealed)).toThrow(SecretBoxError);
  });

  it("refuses a value sealed with a key it does not have, naming the key id", () => {
    const sealed = createSecretBox(keyB).seal("x".repeat(20));
    expect(() => createSecretBox(keyA).open(sealed)).toThrow(/neither APP_ENCRYPTION_KEY nor APP_ENCRYPTION_KEY_PREVIOUS/);
  });

  it("a value sealed under the old key opens after a rotation (old key as previous) and is sealed again under the new one", () => {
    const old = createSecretBox(keyA).seal("rotate-me-please-1");
    const rotated = createSecretBox(keyB, keyA);
    expect(rotated.keyId).toBe(keyIdOf(Buffer.from(keyB, "base64")));
    expect(rotated.open(old)).toBe("rotate-me-please-1");
    const again = rotated.seal(rotated.open(old));
    expect(again.keyId).toBe(rotated.keyId);
    // Once the previous key is dropped, only the re-sealed value opens.
    expect(createSecretBox(keyB).open(again)).toBe("rotate-me-please-1");
    expect(() => createSecretBox(keyB).open(old)).toThrow(SecretBoxError);
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => createSecretBox(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});

function flip(base64: string): string {
  const bytes = Buffer.from(base64, "base64");
  bytes[0] = bytes[0]! ^ 1;
  return bytes.toString("base64");
}
