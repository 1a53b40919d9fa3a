import "server-only";
import { NextRequest } from "next/server";
import { msg } from "@/i18n/message";
import { env } from "@/lib/env";
import { AppError, isUnexpected, toResponse } from "@/lib/errors";
import { logger, withRequestLog } from "@/lib/log";
import { DEFAULT_BODY_LIMIT, readBodyText, requestTargetProblem } from "@/lib/http/request-limits";
import { sameOriginPath } from "./callback-url";

// next-auth answers 500 for a callbackUrl it cannot parse; this hands it only paths of this app. It reads cookies through
// next/headers, not from the request, so proxy.ts drops bad callback-url cookies (withoutBadCallbackCookies).

type AuthHandler<C> = (request: NextRequest, context: C) => Promise<Response>;

function safeCallbackParam(params: URLSearchParams, origin: string): boolean {
  const raw = params.get("callbackUrl");
  if (raw === null) return false;
  params.set("callbackUrl", sameOriginPath(raw, origin) ?? "/");
  return true;
}

/** next-auth's endpoints (`/api/auth/<action>/…`); for anything else it answers 500 "server configuration". */
const NEXT_AUTH_ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "_log"]);

/** The request as next-auth may see it: bounded body, callbackUrl (query and form field) reduced to this app's paths. */
export async function sanitizeAuthRequest(request: Request): Promise<NextRequest> {
  const problem = requestTargetProblem(request.url);
  if (problem) throw new AppError("bad_request", problem);
  const origin = env().NEXTAUTH_URL ?? new URL(request.url).origin;
  const url = new URL(request.url);
  const action = /^\/api\/auth\/([^/]*)/.exec(url.pathname)?.[1];
  if (action === undefined || !NEXT_AUTH_ACTIONS.has(action)) throw new AppError("not_found", msg("errors.auth.noSignInEndpoint"));
  // The credentials callback takes a form POST only; next-auth answers 500 for a GET.
  if (action === "callback" && request.method !== "POST") throw new AppError("not_found", msg("errors.auth.signInPostOnly"));
  safeCallbackParam(url.searchParams, origin);
  const headers = new Headers(request.headers);
  let body: string | undefined;
  if (request.method !== "GET" && request.method !== "HEAD") {
    // next-auth's own client posts forms; it would parse any other body as JSON and answer 500 when that fails.
    if (headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() !== "application/x-www-form-urlencoded")
      throw new AppError("unsupported_media_type", msg("errors.auth.signInFormOnly"));
    const form = new URLSearchParams(await readBodyText(request, DEFAULT_BODY_LIMIT));
    safeCallbackParam(form, origin);
    body = form.toString();
    headers.delete("content-length");
  }
  return new NextRequest(url, { method: request.method, headers, body });
}

/** next-auth's route handler behind sanitizeAuthRequest; refusals answer in the API's error shape. */
export function withSafeAuthRequests<C>(handler: AuthHandler<C>): AuthHandler<C> {
  return (request, context) =>
    withRequestLog(request, async () => {
      let safe: NextRequest;
      try {
        safe = await sanitizeAuthRequest(request);
      } catch (error) {
        if (isUnexpected(error)) logger("auth").error({ err: error }, "unhandled error in a sign-in request");
        const response = toResponse(error);
        response.headers.set("Cache-Control", "no-store");
        return response;
      }
      return handler(safe, context);
    });
}
