import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { english } from "@/i18n/english";
import { type Message, msg } from "@/i18n/message";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Webhook secrets at rest: AES-256-GCM under APP_ENCRYPTION_KEY. Each sealed value names its key (the key id),
// so after a rotation APP_ENCRYPTION_KEY_PREVIOUS still opens old values until they are sealed again.

export interface Sealed {
  ciphertext: string;
  iv: string;
  tag: string;
  keyId: string;
}

export interface SecretBox {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  seal(plaintext: string): Sealed;
  /** Throws SecretBoxError when the key is unknown or the value was tampered with. */
  open(sealed: Sealed): string;
}

export class SecretBoxError extends Error {
  constructor(readonly msg: Message) {
    super(english(msg));
    this.name = "SecretBoxError";
  }
}

/** A short public name of a key: the first 12 hex digits of its SHA-256. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new SecretBoxError(msg("errors.webhooks.delivery.badKey"));
  return key;
}

/** A box that seals with `current` and opens with `current` or `previous`. */
export function createSecretBox(current: string, previous?: string): SecretBox {
  const key = decodeKey(current);
  const keyId = keyIdOf(key);
  const keys = new Map<string, Buffer>([[keyId, key]]);
  if (previous) {
    const old = decodeKey(previous);
    keys.set(keyIdOf(old), old);
  }
  return {
    keyId,
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return { ciphertext: ciphertext.toString("base64"), iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), keyId };
    },
    open(sealed) {
      const k = keys.get(sealed.keyId);
      if (!k) throw new SecretBoxError(msg("errors.webhooks.delivery.unknownKey", { keyId: sealed.keyId }));
      try {
        const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(sealed.iv, "base64"));
        decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
        return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError(msg("errors.webhooks.delivery.tampered"));
      }
    },
  };
}

/** The box of this process's keys, or null when APP_ENCRYPTION_KEY is not set. */
export function secretBoxFromEnv(): SecretBox | null {
  const e = env();
  return e.APP_ENCRYPTION_KEY ? createSecretBox(e.APP_ENCRYPTION_KEY, e.APP_ENCRYPTION_KEY_PREVIOUS) : null;
}

/** The box, or the 422 a person can act on when the key is missing. */
export function requireSecretBox(): SecretBox {
  const box = secretBoxFromEnv();
  if (!box) {
    throw new AppError("unprocessable", msg("errors.webhooks.needsKey"));
  }
  return box;
}
