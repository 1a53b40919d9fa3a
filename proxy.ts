import { NextResponse, type NextRequest } from "next/server";
import { type Message, msg } from "@/i18n/message";
import { withoutBadCallbackCookies } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";
import { refusal, type RefusalCode, refusalLocale } from "@/lib/http/refusal";
import { MAX_BODY_LIMIT, requestTargetProblem } from "@/lib/http/request-limits";
import {
  API_CONTENT_SECURITY_POLICY,
  commonSecurityHeaders,
  createNonce,
  NONCE_HEADER,
  pageContentSecurityPolicy,
} from "@/lib/http/security-headers";

// Before Next decodes anything: refuse addresses it would choke on (400) and bodies no route takes (413), drop
// callback-url cookies next-auth would answer 500 for, set security headers (a CSP nonce per page), and send
// anonymous visitors of pages to /login. It never decides access: every page and route checks the session itself.
// It sees pages, next-auth's endpoints and API addresses with a percent-escape only (see the matcher below).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

function withHeaders<R extends Response>(response: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  const api = isApi(pathname);
  const https = env().NEXTAUTH_URL?.startsWith("https:") ?? false;
  const nonce = createNonce();
  const csp = api ? API_CONTENT_SECURITY_POLICY : pageContentSecurityPolicy(nonce, { dev: env().NODE_ENV === "development", https });
  const headers = { ...commonSecurityHeaders({ https }), "Content-Security-Policy": csp };

  const refuse = (code: RefusalCode, message: Message) =>
    withHeaders(refusal(code, message, api ? { api } : { api, locale: refusalLocale(request.headers, request.cookies) }), headers);
  const problem = requestTargetProblem(request.url);
  if (problem) return refuse("bad_request", problem);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_LIMIT) return refuse("payload_too_large", msg("errors.request.bodyTooLargeAny", { limit: MAX_BODY_LIMIT }));

  if (!api && pathname !== "/login" && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return withHeaders(NextResponse.redirect(login), headers);
  }

  const cookies = withoutBadCallbackCookies(request.headers.get("cookie"), request.nextUrl.origin);
  // API requests go on untouched unless a cookie had to go.
  if (api && cookies === null) return withHeaders(NextResponse.next(), headers);
  const forwarded = new Headers(request.headers);
  if (cookies !== null) forwarded.set("cookie", cookies);
  if (!api) {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts; the layout reads x-nonce.
    forwarded.set(NONCE_HEADER, nonce);
    forwarded.set("Content-Security-Policy", csp);
  }
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

export const config = {
  // Pages (not built assets or files, which need neither checks nor a session). Of the API, only next-auth's endpoints
  // (whose bad callback-url cookies must go before next-auth reads them) and addresses with a percent-escape (Next's
  // decoding of a dynamic segment throws on a malformed one, before any route could refuse it): every other API route
  // checks the address, the body's size and the session in its guard and sets its own headers (lib/api/handler.ts),
  // so the hot list routes skip a hop of the proxy per request.
  matcher: ["/api/auth/:path*", "/api/:path(.*%.*)", "/((?!api/|_next/static|_next/image|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
