import "server-only";
import type { AuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkSession, createSession, revokeSession } from "@/lib/db/user-sessions";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { clientAddress } from "./client-address";
import { redirectWithinApp } from "./callback-url";
import { authorizeCredentials } from "./credentials";
import type { SessionUser } from "./session-user";
import { retryAfterOf } from "./sign-in-error";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
const SESSION_LIFETIME_MS = SESSION_MAX_AGE_SECONDS * 1000;

/** The token's session was ended, has expired, or its user was disabled or deleted; next-auth then ends the session. */
export class SessionRevokedError extends Error {
  override name = "SessionRevokedError";
}

/** The token with its user's current email, name and role, when its server-side session is still live. */
export async function currentClaims(token: JWT, now = Date.now()): Promise<JWT> {
  if (!token.sid)
    throw new SessionRevokedError(
      "the token names no server-side session (signed in before sessions were kept)",
    );
  const check = await checkSession(token.sid, SESSION_LIFETIME_MS, now);
  if (!check.live) throw new SessionRevokedError(`session ${token.sid} is ${check.reason.replace("_", " ")}`);
  const { userId, email, name, role } = check.claims;
  if (userId !== token.sub) throw new SessionRevokedError(`session ${token.sid} belongs to another user`);
  return { ...token, email, name, role };
}

/** Who the token says is signed in, as pages and route handlers see it; SessionRevokedError when it lacks its claims. */
export function userOfToken(token: JWT): SessionUser {
  if (!token.sub || !token.email || !token.role) throw new SessionRevokedError("the token lacks its claims");
  return { id: token.sub, email: token.email, name: token.name ?? null, role: token.role };
}

/** next-auth's own messages, as lines of the app's log (their metadata goes through the logger's redaction). */
const nextAuthLogger: AuthOptions["logger"] = {
  error(code, metadata) {
    const log = logger("auth");
    // An ended session is expected, not a fault: one line instead of a stack trace.
    if (metadata instanceof SessionRevokedError) log.warn({ code }, `session ended: ${metadata.message}`);
    else if (metadata instanceof Error) log.error({ code, err: metadata }, "next-auth error");
    else log.error({ code, err: metadata.error, detail: { ...metadata, error: undefined } }, "next-auth error");
  },
  warn: (code) => logger("auth").warn({ code }, "next-auth warning"),
  // No debug hook: setting one turns next-auth's debug output (tokens, sessions) on.
};

const headerText = (value: string | string[] | undefined) => [value ?? []].flat().join(", ") || null;

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
        authorize: async (credentials, req) => {
          try {
            const user = await authorizeCredentials(credentials, {
              address: clientAddress(req.headers, env().TRUSTED_PROXIES),
            });
            if (!user) return null;
            const userAgent = headerText(req.headers?.["user-agent"]);
            const lifetimeMs = SESSION_LIFETIME_MS;
            return { ...user, sessionId: await createSession({ userId: user.id, userAgent, lifetimeMs }) };
          } catch (error) {
            // next-auth puts a thrown message into the sign-in URL: only the throttling one may reach the browser.
            if (error instanceof Error && retryAfterOf(error.message) !== null) throw error;
            logger("auth").error({ err: error }, "sign-in failed");
            throw new Error("SignInUnavailable", { cause: error });
          }
        },
      }),
    ],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // next-auth's own error page is English: its errors go to the sign-in page, which says them in the reader's language.
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    callbacks: {
      redirect: redirectWithinApp,
      // At sign-in the token gets its session's ID; on every later request the session is checked (lib/db/user-sessions.ts).
      jwt: ({ token, user }) =>
        user ? { ...token, role: user.role, sid: user.sessionId } : currentClaims(token),
      session: ({ session, token }) => ({ ...session, user: userOfToken(token) }),
    },
    events: {
      // Revoking the row ends this session for every copy of its cookie, not only the browser that signed out.
      signOut: async ({ token }) => {
        if (token?.sid) await revokeSession(token.sid);
      },
    },
    logger: nextAuthLogger,
  };
}

let cached: AuthOptions | undefined;

/** The next-auth configuration, built on first use so that importing this module (as `next build` does) reads no settings. */
export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
