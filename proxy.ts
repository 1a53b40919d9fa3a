import { NextResponse, type NextRequest } from "next/server";

// Redirects anonymous visitors to /login. It never decides access: every page and route checks the session itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves, and static assets need no session.
  matcher: ["/((?!api/|login|_next/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
