import "server-only";
import { getServerSession } from "next-auth";
import { AppError } from "@/lib/errors";
import { authenticateToken } from "@/lib/tokens/store";
import { bearerOf } from "@/lib/tokens/rules";
import { getAuthOptions } from "./options";
import { roleAllows, type Role } from "./roles";
import type { RequestUser, SessionUser } from "./session-user";

export { roleAllows } from "./roles";
export type { RequestUser, SessionUser } from "./session-user";

/** The signed-in user, or null; for server components and route handlers. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  return session?.user ?? null;
}

/** Whether the request authenticates with an API token (`Authorization: Bearer …`) rather than the session cookie. */
export function usesBearerToken(request: Request): boolean {
  return bearerOf(request.headers) !== null;
}

/**
 * The caller when their role reaches `minRole`: the bearer of the request's API token when it has one, else the
 * signed-in user; AppError unauthenticated (401) or forbidden (403) otherwise. `onDenied` hears of a signed-in user
 * refused for their role (a token's refusals are audited by the token store).
 */
export async function requireUser(
  minRole: Role,
  request?: Request,
  onDenied?: (user: SessionUser) => Promise<void>,
): Promise<RequestUser> {
  const bearer = request ? bearerOf(request.headers) : null;
  if (bearer !== null) return authenticateToken(bearer, minRole);
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  if (!roleAllows(user.role, minRole)) {
    await onDenied?.(user);
    throw new AppError(
      "forbidden",
      `This needs the ${minRole} role or higher; you are signed in as ${user.role}.`,
    );
  }
  return user;
}
