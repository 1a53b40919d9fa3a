import "server-only";
import { msg } from "@/i18n/message";
import type { SessionUser } from "@/lib/auth/session-user";
import { roleAllows, roleName, type Role } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import { db, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TokenDto } from "./dto";
import { effectiveRole, hashToken, isTokenText, newTokenText, tokenRoleProblem } from "./rules";
import type { CreateTokenInput } from "./schemas";

// API tokens in the database: created with their audit event, listed per owner, revoked, and checked on every use.

const DAY_MS = 24 * 60 * 60 * 1000;
/** lastUsedAt is written at most this often per token, so a busy pipeline does not write on every call. */
export const TOKEN_TOUCH_MS = 60_000;

/** One answer for every token that does not let its bearer in, so that it says nothing about whether it existed. */
export const TOKEN_REFUSED = msg("errors.tokens.refused");

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const DTO_FIELDS = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

function toTokenDto(row: TokenRow): TokenDto {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * A new token of the caller's; its text is in the answer and nowhere else. 403 when the role is above the
 * creator's, or when the caller is itself using a token (a leaked token must not mint ones that outlive it).
 */
export async function createToken(
  creator: SessionUser & { tokenId?: string },
  input: CreateTokenInput,
  now = new Date(),
): Promise<{ token: TokenDto; secret: string }> {
  if (creator.tokenId)
    throw new AppError("forbidden", msg("errors.tokens.notWithToken"));
  const problem = tokenRoleProblem(creator.role, input.role);
  if (problem) throw new AppError("forbidden", problem);
  const { token: secret, prefix, hash } = newTokenText();
  const token = await db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: creator.id,
        name: input.name,
        role: input.role,
        prefix,
        hash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      },
      select: DTO_FIELDS,
    });
    await recordAudit(
      {
        action: "token_create",
        actor: { id: creator.id, email: creator.email },
        target: row.id,
        outcome: "success",
        detail: { name: row.name, prefix, role: row.role, expiresAt: row.expiresAt },
      },
      tx,
    );
    return row;
  });
  return { token: toTokenDto(token), secret };
}

/** The user's tokens that are not revoked, newest first; expired ones stay listed until revoked. */
export async function listTokens(userId: string): Promise<TokenDto[]> {
  const rows = await db().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: DTO_FIELDS,
  });
  return rows.map(toTokenDto);
}

/**
 * Revokes a token: its owner's own, or anyone's for an admin (to stop a leaked token at once; its ID is in the
 * audit log). 404 for any other token, as for an unknown one. Revoking a revoked token answers it unchanged.
 */
export async function revokeToken(actor: SessionUser, id: string, now = new Date()): Promise<TokenDto> {
  return db().$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id }, select: { ...DTO_FIELDS, userId: true } });
    if (!row || (row.userId !== actor.id && !roleAllows(actor.role, "admin")))
      throw new AppError("not_found", msg("errors.tokens.notFound", { id }));
    const { userId, ...before } = row;
    if (before.revokedAt) return toTokenDto(before);
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: now }, select: DTO_FIELDS });
    await recordAudit(
      {
        action: "token_revoke",
        actor: { id: actor.id, email: actor.email },
        target: id,
        outcome: "success",
        detail: { name: after.name, prefix: after.prefix, ...(userId !== actor.id && { ownerId: userId }) },
      },
      tx,
    );
    return toTokenDto(after);
  });
}

/** Revokes every live token of a user, in the caller's transaction: a disabled account's tokens stay dead. */
export async function revokeUserTokens(userId: string, client: DbTx = db(), now = new Date()): Promise<number> {
  const { count } = await client.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

type Denial = "revoked" | "expired" | "user_disabled" | "role";

async function auditDenial(
  token: { id: string; prefix: string; user: { id: string; email: string } },
  reason: Denial,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit({
    action: "token_use_denied",
    actor: { id: token.user.id, email: token.user.email },
    target: token.id,
    outcome: "failure",
    detail: { reason, prefix: token.prefix, ...detail },
  });
}

/**
 * Who the bearer of `text` is, with the role the token gives them now; checked in the database on every use, so a
 * revocation, an expiry or a disabled owner stops it at once. 401 (always the same answer) for a token that does not
 * let its bearer in, 403 when its role is below `minRole`. Denials of a real token are audited against its owner;
 * unknown and malformed ones are not (there is no one to attribute them to, and they would let anyone fill the log).
 */
export async function authenticateToken(
  text: string,
  minRole: Role,
  now = Date.now(),
): Promise<SessionUser & { tokenId: string }> {
  const refused = new AppError("unauthenticated", TOKEN_REFUSED);
  if (!isTokenText(text)) throw refused;
  const token = await db().apiToken.findUnique({
    where: { hash: hashToken(text) },
    select: {
      id: true,
      role: true,
      prefix: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  if (!token) throw refused;
  const denial: Denial | null = token.revokedAt
    ? "revoked"
    : token.expiresAt.getTime() <= now
      ? "expired"
      : token.user.disabled
        ? "user_disabled"
        : null;
  if (denial) {
    await auditDenial(token, denial);
    throw refused;
  }
  const role = effectiveRole(token.role, token.user.role);
  if (!roleAllows(role, minRole)) {
    await auditDenial(token, "role", { role, needed: minRole });
    throw new AppError("forbidden", msg("errors.auth.tokenNeedsRole", { needed: roleName(minRole), role: roleName(role) }));
  }
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() >= TOKEN_TOUCH_MS) {
    // Conditional, so that concurrent requests write once.
    await db().apiToken.updateMany({
      where: { id: token.id, lastUsedAt: token.lastUsedAt },
      data: { lastUsedAt: new Date(now) },
    });
  }
  const { id, email, name } = token.user;
  return { id, email, name, role, tokenId: token.id };
}
