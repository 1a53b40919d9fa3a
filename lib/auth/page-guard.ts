import "server-only";
import { forbidden, redirect } from "next/navigation";
import { auditAccessDenied } from "./access-denied";
import { roleAllows, type Role } from "./roles";
import { getCurrentUser, type SessionUser } from "./session";

/**
 * The signed-in user of a page that needs `minRole`: an anonymous visitor goes to the sign-in page and comes back to
 * `path`; a user whose role is below is audited and refused with the segment's forbidden.tsx and status 403, which
 * holds only while nothing above the page has started streaming (no loading.tsx on the way).
 */
export async function requirePageRole(minRole: Role, path: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!roleAllows(user.role, minRole)) {
    await auditAccessDenied(user, { method: "GET", route: path, needed: minRole });
    forbidden();
  }
  return user;
}
