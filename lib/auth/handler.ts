import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "./options";

// Options are passed per request so that importing the route (as `next build` does) reads no settings.
function handler(
  request: NextRequest,
  context: { params: Promise<{ nextauth: string[] }> },
): Promise<Response> {
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
