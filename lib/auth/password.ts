import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { z } from "zod";

// scrypt password hashes, self-describing as scrypt$N$r$p$salt$hash (base64url), so parameters can rise later.
// No server-only marker: the seed and user:create scripts hash passwords outside Next.

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MAX_MEMORY = 256 * 1024 * 1024; // refuse stored parameters that would make one check cost more

function derive(
  password: string,
  salt: Buffer,
  keyLength: number,
  { N, r, p }: typeof PARAMS,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes plus a little; Node's default maxmem (32 MiB) rejects N=2^15, r=8 by that little.
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join(
    "$",
  );
}

const encodedSchema = z
  .tuple([
    z.literal("scrypt"),
    z.coerce
      .number()
      .int()
      .min(2)
      .refine((n) => (n & (n - 1)) === 0, "N must be a power of two"),
    z.coerce.number().int().min(1).max(32),
    z.coerce.number().int().min(1).max(16),
    z.base64url().min(22).max(1024), // at least 16 bytes
    z.base64url().min(22).max(1024),
  ])
  .refine(([, N, r]) => 128 * N * r <= MAX_MEMORY, "N and r need too much memory")
  .transform(([, N, r, p, salt, key]) => ({
    params: { N, r, p },
    salt: Buffer.from(salt, "base64url"),
    key: Buffer.from(key, "base64url"),
  }));

/** True only when `password` matches `encoded`; a malformed or tampered encoding is simply false. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = encodedSchema.safeParse(encoded.split("$"));
  if (!parsed.success) return false;
  const { params, salt, key } = parsed.data;
  const candidate = await derive(password, salt, key.length, params);
  return timingSafeEqual(candidate, key);
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification and fails, so an unknown email answers as slowly as a wrong password. */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(password, await dummyHash);
  return false;
}
