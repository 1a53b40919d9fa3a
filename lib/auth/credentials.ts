import "server-only";
import { z } from "zod";
import { emailSchema, getUserCredentials } from "@/lib/db/users";
import { verifyDummyPassword, verifyPassword } from "./password";
import { toSessionUser, type SessionUser } from "./session-user";

// Sign-in with email and password; every failure looks the same to the caller (null).

const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

/** The credentials provider's `authorize`: the user for a correct email and password of an enabled account, else null. */
export async function authorizeCredentials(credentials: unknown): Promise<SessionUser | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const found = await getUserCredentials(email);
  if (!found) return verifyDummyPassword(password).then(() => null);
  // Checked after the password so that a disabled account answers exactly like a wrong password.
  const valid = await verifyPassword(password, found.passwordHash);
  return valid && !found.user.disabled ? toSessionUser(found.user) : null;
}
