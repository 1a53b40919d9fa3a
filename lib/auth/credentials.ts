import "server-only";
import { z } from "zod";
import { recordAudit, type AuditInput } from "@/lib/db/audit";
import { getUserCredentials } from "@/lib/db/users";
import { logger } from "@/lib/log";
import { emailSchema } from "@/lib/users/schemas";
import { verifyDummyPassword, verifyPassword } from "./password";
import { toSessionUser, type SessionUser } from "./session-user";
import { throttledSignInError } from "./sign-in-error";
import { admitSignIn, throttleSubjects, type Lockout } from "./sign-in-throttle";

// Sign-in with email and password; every failure looks the same to the caller (null), a throttled attempt says how
// long to wait (for unknown emails exactly as for known ones), and every attempt and every lockout is audited.

const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

type SignInCheck =
  | { user: SessionUser; reason?: undefined; userId?: undefined }
  | { user: null; reason: string; userId?: string };

async function checkCredentials(credentials: unknown): Promise<SignInCheck> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { user: null, reason: "malformed" };
  const { email, password } = parsed.data;
  const found = await getUserCredentials(email);
  if (!found) return verifyDummyPassword(password).then(() => ({ user: null, reason: "unknown_email" }));
  // Checked after the password so that a disabled account answers exactly like a wrong password.
  const valid = await verifyPassword(password, found.passwordHash);
  if (!valid) return { user: null, reason: "wrong_password", userId: found.user.id };
  if (found.user.disabled) return { user: null, reason: "disabled", userId: found.user.id };
  return { user: toSessionUser(found.user) };
}

// The email exactly as typed, for the audit log; never the password.
const typedEmailSchema = z.object({ email: z.string() });
const typedEmail = (credentials: unknown) => {
  const typed = typedEmailSchema.safeParse(credentials);
  return typed.success ? typed.data.email : "";
};

async function audit(events: Omit<AuditInput, "outcome">[], outcome: AuditInput["outcome"]): Promise<void> {
  for (const event of events)
    await recordAudit({ ...event, outcome }).catch((error: unknown) =>
      logger("auth").error({ err: error }, "could not record a sign-in in the audit log"),
    );
}

/** Where a sign-in attempt comes from: the client's address when it can be known (lib/auth/client-address.ts). */
export interface SignInOrigin {
  address: string | null;
}

/**
 * The credentials provider's `authorize`: the user for a correct email and password of an enabled account, else
 * null; throws an Error whose message is throttledSignInError(seconds) while the account or address must wait.
 */
export async function authorizeCredentials(
  credentials: unknown,
  origin: SignInOrigin = { address: null },
): Promise<SessionUser | null> {
  const email = typedEmail(credentials);
  const account = emailSchema.safeParse(email);
  const gate = await admitSignIn(throttleSubjects(account.success ? account.data : null, origin.address));
  const actor = { id: null, email };
  if (!gate.admitted) {
    const detail = { reason: "throttled", scope: gate.scope, retryAfterSeconds: gate.retryAfterSeconds };
    await audit([{ actor, action: "sign_in", detail }], "failure");
    throw new Error(throttledSignInError(gate.retryAfterSeconds));
  }

  const check = await checkCredentials(credentials);
  if (check.user) {
    await gate.succeeded();
    await audit([{ actor: { ...actor, id: check.user.id }, action: "sign_in" }], "success");
    return check.user;
  }
  const failed = { ...actor, id: check.userId ?? null };
  const lockout = ({ scope, failures, retryAfterSeconds }: Lockout) => ({
    actor: failed,
    action: "sign_in_lockout" as const,
    target: scope === "account" ? (check.userId ?? null) : null,
    detail: { scope, ...(scope === "address" && { address: origin.address }), failures, retryAfterSeconds },
  });
  await audit(
    [{ actor: failed, action: "sign_in", detail: { reason: check.reason } }, ...gate.failed().map(lockout)],
    "failure",
  );
  return null;
}
