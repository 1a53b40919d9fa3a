import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { Registry } from "prom-client";
import { msg } from "@/i18n/message";
import { AppError, toResponse } from "@/lib/errors";
import { metricsRegistry } from "./registry";

// The scrape endpoint's logic, apart from the route file so that tests can give it a token and a registry.

const digest = (s: string) => createHash("sha256").update(s).digest();

/** True when the request carries `Authorization: Bearer <token>`; compared in constant time. */
export function hasBearerToken(request: Request, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/** Prometheus text, or 401 in the app's error shape when `token` is set and the request does not carry it. */
export async function scrapeResponse(
  request: Request,
  token: string | undefined,
  registry: Registry = metricsRegistry(),
): Promise<Response> {
  if (token !== undefined && !hasBearerToken(request, token)) {
    const denied = toResponse(new AppError("unauthenticated", msg("errors.auth.metricsToken")));
    denied.headers.set("WWW-Authenticate", 'Bearer realm="metrics"');
    return denied;
  }
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
