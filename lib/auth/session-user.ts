import type { Role } from "./roles";

/** Who is signed in, as carried by the session: what pages and route handlers need, nothing more. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

export function toSessionUser({ id, email, name, role }: SessionUser): SessionUser {
  return { id, email, name, role };
}

/** Who makes an API request: the session's user, or an API token's owner acting with the token's role (`tokenId`). */
export type RequestUser = SessionUser & { tokenId?: string };
