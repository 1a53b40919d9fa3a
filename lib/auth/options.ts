import "server-only";
import type { AuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { getUserById } from "@/lib/db/users";
import { env } from "@/lib/env";
import { authorizeCredentials } from "./credentials";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** How stale a token's role and status may get before the next request re-reads them from the database. */
export const CLAIMS_MAX_AGE_MS = 60_000;

/** The token's user was disabled or deleted; next-auth then ends the session. */
export class SessionRevokedError extends Error {
  override name = "SessionRevokedError";
}

/** The token with its user's current email, name and role, re-read when older than CLAIMS_MAX_AGE_MS. */
export async function refreshClaims(token: JWT, now = Date.now()): Promise<JWT> {
  if (!token.sub) throw new SessionRevokedError("the session names no user");
  if (token.checkedAt !== undefined && now - token.checkedAt < CLAIMS_MAX_AGE_MS) return token;
  const user = await getUserById(token.sub);
  if (!user || user.disabled)
    throw new SessionRevokedError(`user ${token.sub} is ${user ? "disabled" : "gone"}`);
  return { ...token, email: user.email, name: user.name, role: user.role, checkedAt: now };
}

function buildAuthOptions(): AuthOptions {
  // Secure in production, except where NEXTAUTH_URL is deliberately plain http (the local demo), which could not keep them.
  const secure = env().NODE_ENV === "production" && !env().NEXTAUTH_URL?.startsWith("http://");
  return {
    secret: env().NEXTAUTH_SECRET,
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials) => authorizeCredentials(credentials),
      }),
    ],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    callbacks: {
      jwt: ({ token, user }) =>
        user ? { ...token, role: user.role, checkedAt: Date.now() } : refreshClaims(token),
      session: ({ session, token }) => {
        if (!token.sub || !token.email || !token.role)
          throw new SessionRevokedError("the token lacks its claims");
        return {
          ...session,
          user: { id: token.sub, email: token.email, name: token.name ?? null, role: token.role },
        };
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is expected, not a fault: one line instead of a stack trace.
        if (metadata instanceof SessionRevokedError)
          console.warn(`[next-auth] session ended: ${metadata.message}`);
        else console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
}

let cached: AuthOptions | undefined;

/** The next-auth configuration, built on first use so that importing this module (as `next build` does) reads no settings. */
export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
