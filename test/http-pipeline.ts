// Serves a request in-process the way `next start` does: proxy.ts first where its matcher takes the address (Next's own
// matching), then the matched route handler with the headers the proxy passed on, inside a Next request scope (so
// next/headers works, as next-auth needs). No HTTP.
import "./next-globals";
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store.js";
import { workAsyncStorage, type WorkStore } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { config as proxyConfig, proxy } from "@/proxy";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ApiRoute {
  /** The route as Next names it: /api/jobs/[id]/retry */
  pattern: string;
  methods: Partial<Record<HttpMethod, Handler>>;
}

const API_DIR = path.resolve(import.meta.dirname, "../app/api");

/** Every route.ts under app/api with the methods it exports, found on disk so a new route is covered at once. */
export async function listApiRoutes(): Promise<ApiRoute[]> {
  const files = fs
    .readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .sort();
  const routes: ApiRoute[] = [];
  for (const file of files) {
    const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
    const methods: ApiRoute["methods"] = {};
    for (const m of HTTP_METHODS) if (typeof mod[m] === "function") methods[m] = mod[m] as Handler;
    routes.push({ pattern: `/api/${path.dirname(file).split(path.sep).join("/")}`.replace(/\/\.$/, ""), methods });
  }
  return routes;
}

/** The route's params for a raw path, decoded as Next decodes them; throws where Next's decoder would (a 500). */
function paramsOf(pattern: string, rawPath: string): Record<string, string | string[]> {
  const want = pattern.split("/");
  const got = rawPath.split("/");
  const params: Record<string, string | string[]> = {};
  want.forEach((segment, i) => {
    const catchAll = /^\[\.\.\.(.+)\]$/.exec(segment);
    const dynamic = /^\[(.+)\]$/.exec(segment);
    if (catchAll) params[catchAll[1]!] = got.slice(i).map((s) => decodeURIComponent(s));
    else if (dynamic) params[dynamic[1]!] = decodeURIComponent(got[i] ?? "");
  });
  return params;
}

/** The request headers after the proxy's overrides (NextResponse.next({ request: { headers } })). */
function forwardedHeaders(original: Headers, proxied: Response): Headers {
  const names = proxied.headers.get("x-middleware-override-headers");
  if (names === null) return new Headers(original);
  const out = new Headers();
  for (const name of names.split(",")) {
    const value = proxied.headers.get(`x-middleware-request-${name}`);
    if (value !== null) out.set(name, value);
  }
  return out;
}

function inRequestScope<T>(request: NextRequest, route: string, fn: () => Promise<T>): Promise<T> {
  const implicitTags = { tags: [], expirationsByCacheKind: new Map() } as unknown as Parameters<typeof createRequestStoreForAPI>[2];
  const requestStore = createRequestStoreForAPI(request, request.nextUrl, implicitTags, undefined, undefined, undefined);
  const workStore = { route, page: route, forceStatic: false, dynamicShouldError: false, isStaticGeneration: false } as unknown as WorkStore;
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}

export interface RawRequest {
  method: HttpMethod;
  /** Path and query exactly as sent, escapes and all. */
  target: string;
  headers?: Record<string, string>;
  /** Made fresh for each hop, so a stream can be read once by each. */
  body?: () => BodyInit | undefined;
}

export const ORIGIN = "http://localhost:3000";

/** Whether `next start` runs proxy.ts for this address (path and query as sent). */
export function proxyMatches(target: string): boolean {
  return unstable_doesMiddlewareMatch({ config: proxyConfig, url: ORIGIN + target });
}

/** The answer `next start` would give: the proxy's own (refusal, redirect), or the route's after it. */
export async function serve(route: ApiRoute, raw: RawRequest): Promise<{ response: Response; byProxy: boolean }> {
  const handler = route.methods[raw.method];
  if (!handler) throw new Error(`${route.pattern} has no ${raw.method}`);
  const init = (headers: Headers) => {
    const body = raw.body?.();
    return { method: raw.method, headers, body, ...(body instanceof ReadableStream && { duplex: "half" as const }) };
  };
  const original = new Headers(raw.headers);
  const proxied = proxyMatches(raw.target) ? proxy(new NextRequest(ORIGIN + raw.target, init(original))) : undefined;
  if (proxied && proxied.headers.get("x-middleware-next") !== "1") return { response: proxied, byProxy: true };
  // Dot segments resolve before routing: `/api/jobs/../../x` is the page /x, which no route handler serves.
  if (!new URL(raw.target, ORIGIN).pathname.startsWith("/api/")) return { response: new Response(null, { status: 404 }), byProxy: true };
  const request = new NextRequest(ORIGIN + raw.target, init(proxied ? forwardedHeaders(original, proxied) : new Headers(original)));
  const params = paramsOf(route.pattern, new URL(raw.target, ORIGIN).pathname);
  const response = await inRequestScope(request, route.pattern, () => handler(request, { params: Promise.resolve(params) }));
  return { response, byProxy: false };
}

/** The proxy's answer headers merged onto the route's, as the server sends them. */
export function proxyHeaders(proxied: Response): Headers {
  const out = new Headers();
  proxied.headers.forEach((value, name) => {
    if (!name.startsWith("x-middleware-")) out.set(name, value);
  });
  return out;
}
