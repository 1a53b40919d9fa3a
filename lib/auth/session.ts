import "server-only";
import { getServerSession } from "next-auth";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./options";
import { roleAllows, type Role } from "./roles";
import type { SessionUser } from "./session-user";

export { roleAllows } from "./roles";
export type { SessionUser } from "./session-user";

/** The signed-in user, or null; for server components and route handlers. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  return session?.user ?? null;
}

/** The signed-in user when their role reaches `minRole`; AppError unauthenticated (401) or forbidden (403) otherwise. */
export async function requireUser(minRole: Role): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  if (!roleAllows(user.role, minRole)) {
    throw new AppError(
      "forbidden",
      `This needs the ${minRole} role or higher; you are signed in as ${user.role}.`,
    );
  }
  return user;
}
