import "server-only";
import { cache } from "react";
import { msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { authenticateToken } from "@/lib/tokens/store";
import { bearerOf } from "@/lib/tokens/rules";
import { roleAllows, roleName, type Role } from "./roles";
import { cookiesOfHeader, sessionUserOf } from "./session-cookie";
import type { RequestUser, SessionUser } from "./session-user";

export { roleAllows } from "./roles";
export type { RequestUser, SessionUser } from "./session-user";

/**
 * The signed-in user, or null; for server components. Verified once per render: the layout and the page asking both
 * get the same answer.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // Loaded on use: route handlers (and their tests) read the request's own cookies and never need Next's request scope.
  const { cookies } = await import("next/headers");
  return sessionUserOf((await cookies()).getAll());
});

/** Whether the request authenticates with an API token (`Authorization: Bearer …`) rather than the session cookie. */
export function usesBearerToken(request: Request): boolean {
  return bearerOf(request.headers) !== null;
}

/**
 * The caller when their role reaches `minRole`: the bearer of the request's API token when it has one, else the
 * user its session cookie signs in (the render's, without a request); AppError unauthenticated (401) or forbidden
 * (403) otherwise. `onDenied` hears of a signed-in user refused for their role (a token's refusals are audited by the
 * token store).
 */
export async function requireUser(
  minRole: Role,
  request?: Request,
  onDenied?: (user: SessionUser) => Promise<void>,
): Promise<RequestUser> {
  const bearer = request ? bearerOf(request.headers) : null;
  if (bearer !== null) return authenticateToken(bearer, minRole);
  const user = request ? await sessionUserOf(cookiesOfHeader(request.headers.get("cookie"))) : await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", msg("errors.auth.signIn"));
  if (!roleAllows(user.role, minRole)) {
    await onDenied?.(user);
    throw new AppError("forbidden", msg("errors.auth.needsRole", { needed: roleName(minRole), role: roleName(user.role) }));
  }
  return user;
}
