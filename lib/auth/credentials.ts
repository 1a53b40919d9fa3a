import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { getUserCredentials } from "@/lib/db/users";
import { emailSchema } from "@/lib/users/schemas";
import { verifyDummyPassword, verifyPassword } from "./password";
import { toSessionUser, type SessionUser } from "./session-user";

// Sign-in with email and password; every failure looks the same to the caller (null), and every attempt is audited.

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

async function auditSignIn(credentials: unknown, check: SignInCheck): Promise<void> {
  const typed = typedEmailSchema.safeParse(credentials);
  await recordAudit({
    actor: { id: check.user?.id ?? check.userId ?? null, email: typed.success ? typed.data.email : "" },
    action: "sign_in",
    outcome: check.user ? "success" : "failure",
    detail: check.reason ? { reason: check.reason } : undefined,
  }).catch((error: unknown) => console.error("Could not record a sign-in in the audit log:", error));
}

/** The credentials provider's `authorize`: the user for a correct email and password of an enabled account, else null. */
export async function authorizeCredentials(credentials: unknown): Promise<SessionUser | null> {
  const check = await checkCredentials(credentials);
  await auditSignIn(credentials, check);
  return check.user;
}
