import { createHash, randomBytes } from "node:crypto";
import { type Message, msg } from "@/i18n/message";
import { ROLES, roleAllows, roleName, type Role } from "@/lib/auth/roles";

// What an API token is and what it may do: its text format, its hash, its role against its creator's and its owner's.

/** Every token starts with this, so secret scanners (and people) recognise one in a log or a commit. */
export const TOKEN_MARK = "swrs_";
const TOKEN_PATTERN = /^swrs_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface NewTokenText {
  /** The whole token: shown once, never stored. */
  token: string;
  /** `swrs_` and the 8 hex characters after it: not secret, shown in lists. */
  prefix: string;
  hash: string;
}

/** SHA-256 (hex) of the token text: enough for a 256-bit random secret, which no one can guess or brute-force. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh token `swrs_<8 hex>_<43 base64url characters = 32 random bytes>`. */
export function newTokenText(): NewTokenText {
  const prefix = `${TOKEN_MARK}${randomBytes(4).toString("hex")}`;
  const token = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix, hash: hashToken(token) };
}

/** Whether the text has the shape of one of our tokens (anything else is refused without a database read). */
export function isTokenText(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

/** Why a user of `creatorRole` may not give a token `tokenRole`, or null when they may. */
export function tokenRoleProblem(creatorRole: Role, tokenRole: Role): Message | null {
  return roleAllows(creatorRole, tokenRole)
    ? null
    : msg("errors.tokens.roleAboveCreator", { role: roleName(creatorRole), requested: roleName(tokenRole) });
}

/** What a token may do now: its own role, capped by its owner's current role (a demoted owner demotes their tokens). */
export function effectiveRole(tokenRole: Role, ownerRole: Role): Role {
  return ROLES[Math.min(ROLES.indexOf(tokenRole), ROLES.indexOf(ownerRole))]!;
}

/** The token after `Bearer ` in an Authorization header; null when there is none or it uses another scheme. */
export function bearerOf(headers: Headers): string | null {
  const value = headers.get("authorization");
  // A bare "Bearer" (the token left out) counts as a bearer request with an empty, so refused, token.
  const match = value ? /^Bearer(?:[ \t]+(\S*))?[ \t]*$/i.exec(value) : null;
  return match ? (match[1] ?? "") : null;
}
