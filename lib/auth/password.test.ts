import { describe, expect, it } from "vitest";
import { hashPassword, verifyDummyPassword, verifyPassword } from "./password";

const PASSWORD = "correct horse battery";

describe("password hashing", async () => {
  const encoded = await hashPassword(PASSWORD);
  const [scheme, n, r, p, salt, key] = encoded.split("$");

  it("encodes its parameters and verifies the right password", async () => {
    expect([scheme, n, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(encoded).not.toContain(PASSWORD);
    await expect(verifyPassword(PASSWORD, encoded)).resolves.toBe(true);
  });

  it.each([["wrong password"], [""], [PASSWORD.toUpperCase()], [`${PASSWORD} `]])(
    "rejects %j",
    async (attempt) => {
      await expect(verifyPassword(attempt, encoded)).resolves.toBe(false);
    },
  );

  it("salts every hash differently", async () => {
    const again = await hashPassword(PASSWORD);
    expect(again.split("$")[4]).not.toBe(salt);
    expect(again).not.toBe(encoded);
    await expect(verifyPassword(PASSWORD, again)).resolves.toBe(true);
  });

  const flip = (s = "") => (s[0] === "A" ? "B" : "A") + s.slice(1);
  it.each([
    ["another scheme", ["bcrypt", n, r, p, salt, key]],
    ["a changed N", ["scrypt", "16384", r, p, salt, key]],
    ["an N that is not a power of two", ["scrypt", "30000", r, p, salt, key]],
    ["an N too large to compute", ["scrypt", String(2 ** 24), r, p, salt, key]],
    ["a non-numeric r", ["scrypt", n, "x", p, salt, key]],
    ["a changed salt", ["scrypt", n, r, p, flip(salt), key]],
    ["a changed hash", ["scrypt", n, r, p, salt, flip(key)]],
    ["a truncated hash", ["scrypt", n, r, p, salt, key?.slice(0, 10)]],
    ["non-base64 salt", ["scrypt", n, r, p, "!!!!!!!!!!!!!!!!!!!!!!", key]],
    ["a missing part", ["scrypt", n, r, p, salt]],
    ["an extra part", [...encoded.split("$"), "x"]],
  ])("treats a hash with %s as no match", async (_what, parts) => {
    await expect(verifyPassword(PASSWORD, parts.join("$"))).resolves.toBe(false);
  });

  it("has a dummy check that always fails", async () => {
    await expect(verifyDummyPassword(PASSWORD)).resolves.toBe(false);
  });
});
