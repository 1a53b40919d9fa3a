import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }

  interface User {
    role: Role;
    /** The server-side session created at sign-in (lib/db/user-sessions.ts). */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The server-side session this token belongs to; checked on every request. */
    sid?: string;
  }
}
