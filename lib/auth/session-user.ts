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
