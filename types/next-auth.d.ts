import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }

  interface User {
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** When role and status were last read from the database (ms since the epoch). */
    checkedAt?: number;
  }
}
