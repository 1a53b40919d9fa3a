import "server-only";
import type { z } from "zod";
import { msg } from "@/i18n/message";
import { auditAccessDenied, routePattern } from "@/lib/auth/access-denied";
import { requireUser, usesBearerToken, type RequestUser } from "@/lib/auth/session";
import { AppError, isUnexpected, toResponse, validationError } from "@/lib/errors";
import { logger, withRequestLog } from "@/lib/log";
import { isSwrError, toAppError } from "@/lib/swr";
import type { Role } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { uncompressedWhenSmall } from "@/lib/http/compression";
import { apiSecurityHeaders } from "@/lib/http/security-headers";
import {
  checkContentLength,
  checkSafeStrings,
  DEFAULT_BODY_LIMIT,
  invalidPart,
  readBodyText,
  requestTargetProblem,
  type RequestPart,
} from "@/lib/http/request-limits";

// One guard for every route handler: authenticate, authorize (auditing refusals), check origin and content type,
// validate, map errors.

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface HandlerContext<P, Q, B> {
  request: Request;
  user: RequestUser;
  params: P;
  query: Q;
  body: B;
}

interface RouteSpec<P, Q, B> {
  role: Role;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Bytes the body may have; DEFAULT_BODY_LIMIT (1 MiB) unless the route needs more. */
  maxBodyBytes?: number;
}

/** The app's own origin: NEXTAUTH_URL when set (behind a proxy), else the request's. */
function expectedOrigin(request: Request, configured: string | undefined): string {
  if (configured) return new URL(configured).origin;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether `origin` is the app's own. An app configured at a loopback address (the demo, a server run on one's own
 * machine) is the same app under any of its loopback names on the same scheme and port: http://localhost:3000 and
 * http://127.0.0.1:3000 reach the same server, and only programs on that machine can be at either.
 */
export function isOwnOrigin(origin: string, expected: string): boolean {
  if (origin === expected) return true;
  let a: URL, b: URL;
  try {
    a = new URL(origin);
    b = new URL(expected);
  } catch {
    return false;
  }
  return LOOPBACK_HOSTS.has(a.hostname) && LOOPBACK_HOSTS.has(b.hostname) && a.protocol === b.protocol && a.port === b.port;
}

export function checkSameOrigin(request: Request, configuredUrl: string | undefined): void {
  const origin = request.headers.get("origin");
  if (!origin || !isOwnOrigin(origin, expectedOrigin(request, configuredUrl))) {
    throw new AppError("forbidden", msg("errors.request.originCheck"));
  }
}

export function checkJsonContentType(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("unsupported_media_type", msg("errors.request.jsonOnly"));
  }
}

async function readJson(request: Request, limit: number): Promise<unknown> {
  const text = await readBodyText(request, limit);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", msg("errors.request.invalidJson"));
  }
}

function parseWith<T>(schema: z.ZodType<T> | undefined, input: unknown, part: RequestPart): T {
  if (!schema) return undefined as T;
  checkSafeStrings(input, part);
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, invalidPart(part));
  return result.data;
}

function searchParamsObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

export function route<P = undefined, Q = undefined, B = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response>,
) {
  const bodyLimit = spec.maxBodyBytes ?? DEFAULT_BODY_LIMIT;
  return (request: Request, context: { params: Promise<unknown> }): Promise<Response> =>
    withRequestLog(request, async () => apiAnswer(await guarded(request, context, bodyLimit)));

  async function guarded(request: Request, context: { params: Promise<unknown> }, bodyLimit: number): Promise<Response> {
    try {
      // proxy.ts refuses these before Next decodes the path; checked again for callers that bypass it.
      const targetProblem = requestTargetProblem(request.url);
      if (targetProblem) throw new AppError("bad_request", targetProblem);
      checkContentLength(request.headers, bodyLimit);
      const mutating = MUTATING.has(request.method);
      // A bearer token is sent deliberately by its holder, never by a browser on its own: only cookies need the Origin check.
      if (mutating && !usesBearerToken(request)) checkSameOrigin(request, env().NEXTAUTH_URL);
      const rawParams = await context.params;
      const user = await requireUser(spec.role, request, (denied) =>
        auditAccessDenied(denied, {
          method: request.method,
          route: routePattern(new URL(request.url).pathname, rawParams),
          needed: spec.role,
        }),
      );
      const params = parseWith(spec.params, rawParams, "params");
      const query = parseWith(spec.query, searchParamsObject(new URL(request.url)), "query");
      let body = undefined as B;
      if (mutating && spec.body) {
        checkJsonContentType(request);
        body = parseWith(spec.body, await readJson(request, bodyLimit), "body");
      }
      return await handler({ request, user, params, query, body });
    } catch (error) {
      const mapped = isSwrError(error) ? toAppError(error) : error;
      // The caller went away (a closed tab, a cancelled fetch): nobody reads the answer, and it is no fault of the server.
      if (request.signal.aborted && isUnexpected(mapped)) {
        logger("api").info({ err: mapped }, "the client closed the request before its answer");
        return new Response(null, { status: CLIENT_CLOSED_REQUEST });
      }
      if (isUnexpected(mapped)) logger("api").error({ err: mapped }, "unhandled error in route handler");
      return toResponse(mapped);
    }
  }
}

/** The status proxies log for a request its client closed before the answer (nginx's 499); no client sees it. */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * What every API answer carries: no-store (they hold per-user data: no browser or proxy may keep them), the API's
 * security headers, set here because API requests do not pass through proxy.ts (see its matcher), and no-transform
 * on a small JSON answer (lib/http/compression.ts).
 */
async function apiAnswer(response: Response): Promise<Response> {
  if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "no-store");
  // The raw setting, not env(): an answer about a configuration env() refuses (a probe's, say) still gets its headers.
  const https = process.env.NEXTAUTH_URL?.startsWith("https:") ?? false;
  for (const [name, value] of API_HEADERS[https ? "https" : "http"]) response.headers.set(name, value);
  return uncompressedWhenSmall(response);
}

/** The API's security headers, over http and over https (HSTS), built once. */
const API_HEADERS = {
  http: Object.entries(apiSecurityHeaders({ https: false })),
  https: Object.entries(apiSecurityHeaders({ https: true })),
};

/**
 * The guard for the few routes anyone may call (health and readiness probes): the address and size checks and
 * the error mapping of route(), without a session. Such a route must answer nothing that is not public.
 */
export function publicRoute(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const targetProblem = requestTargetProblem(request.url);
      if (targetProblem) throw new AppError("bad_request", targetProblem);
      checkContentLength(request.headers, DEFAULT_BODY_LIMIT);
      return await apiAnswer(await handler(request));
    } catch (error) {
      return apiAnswer(toResponse(error));
    }
  };
}
