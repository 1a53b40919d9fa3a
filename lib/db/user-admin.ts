import "server-only";
import { msg } from "@/i18n/message";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { revokeUserTokens } from "@/lib/tokens/store";
import type { UserDto } from "@/lib/users/dto";
import type { UpdateUserInput } from "@/lib/users/schemas";
import { recordAudit, type AuditInput } from "./audit";
import { db } from "./client";
import { forgetUserSessions, revokeUserSessions } from "./user-sessions";
import { toUserDto } from "./user-store";

// An admin changes another user's role or status, or ends their sessions; each change and its audit event are
// written together, and the user's cached session checks are dropped once it is committed.

const userNotFound = (id: string) => new AppError("not_found", msg("errors.users.notFound", { id }));

/** Applies the patch; 409 when an admin would demote or disable themself, 404 for an unknown user. */
export async function updateUserAsAdmin(
  admin: SessionUser,
  id: string,
  patch: UpdateUserInput,
): Promise<UserDto> {
  if (id === admin.id && patch.role !== undefined && patch.role !== "admin")
    throw new AppError("conflict", msg("errors.users.demoteSelf"));
  if (id === admin.id && patch.disabled === true)
    throw new AppError("conflict", msg("errors.users.disableSelf"));

  const user = await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw userNotFound(id);
    const after = await tx.user.update({ where: { id }, data: patch });
    const actor = { id: admin.id, email: admin.email };
    const events: Omit<AuditInput, "actor" | "target" | "outcome">[] = [];
    if (before.role !== after.role)
      events.push({
        action: "role_change",
        detail: { email: after.email, from: before.role, to: after.role },
      });
    if (before.disabled !== after.disabled)
      events.push({
        action: after.disabled ? "user_disable" : "user_enable",
        detail: { email: after.email, from: before.disabled, to: after.disabled },
      });
    for (const e of events) await recordAudit({ ...e, actor, target: id, outcome: "success" }, tx);
    // Disabling ends every session and API token for good, so that enabling the account again does not revive them.
    if (after.disabled && !before.disabled) {
      await revokeUserSessions(id, tx);
      await revokeUserTokens(id, tx);
    }
    return toUserDto(after);
  });
  forgetUserSessions(id);
  return user;
}

/** Ends every live session of a user (they must sign in again); audited as sessions_revoke. 404 for an unknown user. */
export async function revokeUserSessionsAsAdmin(
  admin: SessionUser,
  id: string,
): Promise<{ revoked: number }> {
  const revoked = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { email: true } });
    if (!user) throw userNotFound(id);
    const count = await revokeUserSessions(id, tx);
    await recordAudit(
      {
        action: "sessions_revoke",
        actor: { id: admin.id, email: admin.email },
        target: id,
        outcome: "success",
        detail: { email: user.email, sessions: count },
      },
      tx,
    );
    return count;
  });
  forgetUserSessions(id);
  return { revoked };
}
