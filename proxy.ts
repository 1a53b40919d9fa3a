import { NextResponse, type NextRequest } from "next/server";
import { withoutBadCallbackCookies } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";
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
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

function refusal(api: boolean, status: 400 | 413, message: string): NextResponse {
  const code = status === 400 ? "bad_request" : "payload_too_large";
  return api
    ? NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } })
    : new NextResponse(
        `<!doctype html><meta charset="utf-8"><title>Bad request</title><h1>${status === 400 ? "Bad request" : "Too large"}</h1><p>${message}</p><p><a href="/">Back to the dashboard</a></p>`,
        { status, headers: { "Content-Type": "text/html; charset=utf-8" } },
      );
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const api = isApi(pathname);
  const https = env().NEXTAUTH_URL?.startsWith("https:") ?? false;
  const nonce = createNonce();
  const csp = api ? API_CONTENT_SECURITY_POLICY : pageContentSecurityPolicy(nonce, { dev: env().NODE_ENV === "development", https });
  const headers = { ...commonSecurityHeaders({ https }), "Content-Security-Policy": csp };

  const problem = requestTargetProblem(request.url);
  if (problem) return withHeaders(refusal(api, 400, problem), headers);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_LIMIT)
    return withHeaders(refusal(api, 413, `The request body is larger than ${MAX_BODY_LIMIT} bytes, the most any route takes.`), headers);

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
  // Every page and API route; built assets and files need neither checks nor a session.
  matcher: ["/api/:path*", "/((?!api/|_next/static|_next/image|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
