import { invalidParameter, methodNotAllowed, resourceNotFound } from "./errors";
import type { OperationName } from "./operations";

interface RouteDef {
  method: string;
  /** Path segments after the region prefix; `:name` captures one segment. */
  pattern: readonly string[];
  operation: OperationName;
}

const REPO = ["v2", "manage", "namespaces", ":namespace", "repos", ":repository"] as const;

const ROUTES: readonly RouteDef[] = [
  { method: "GET", pattern: [], operation: "ListApiVersions" },
  { method: "GET", pattern: [":api_version"], operation: "ShowApiVersion" },
  { method: "GET", pattern: ["v2", "manage", "namespaces"], operation: "ListNamespaces" },
  { method: "GET", pattern: ["v2", "manage", "namespaces", ":namespace"], operation: "ShowNamespace" },
  { method: "GET", pattern: ["v2", "manage", "repos"], operation: "ListReposDetails" },
  { method: "GET", pattern: ["v2", "manage", "regions"], operation: "ListSyncRegions" },
  { method: "GET", pattern: REPO, operation: "ShowRepository" },
  { method: "GET", pattern: [...REPO, "tags"], operation: "ListRepositoryTags" },
  { method: "POST", pattern: [...REPO, "sync_images"], operation: "CreateManualImageSyncRepo" },
  { method: "GET", pattern: [...REPO, "sync_job"], operation: "ShowSyncJob" },
  { method: "GET", pattern: [...REPO, "sync_repo"], operation: "ListImageAutoSyncReposDetails" },
  { method: "POST", pattern: [...REPO, "sync_repo"], operation: "CreateImageSyncRepo" },
  { method: "DELETE", pattern: [...REPO, "sync_repo"], operation: "DeleteImageSyncRepo" },
  { method: "POST", pattern: ["v3", "auth", "tokens"], operation: "KeystoneCreateUserTokenByPassword" },
  { method: "GET", pattern: ["v3", "projects"], operation: "KeystoneListProjects" },
];

export interface RouteMatch {
  operation: OperationName;
  /** Decoded path parameters; `repository` already has `$` turned back into `/`. */
  params: Record<string, string>;
}

/** Splits a raw path into decoded segments, ignoring the leading and any trailing slash. */
export function pathSegments(rawPath: string): string[] {
  const parts = rawPath.split("/").slice(1);
  if (parts.at(-1) === "") parts.pop();
  return parts.map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      throw invalidParameter(`malformed percent-encoding in path segment "${p}"`);
    }
  });
}

function capture(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i]!;
    if (part.startsWith(":")) params[part.slice(1)] = part === ":repository" ? segment.replaceAll("$", "/") : segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/** Finds the operation for a method and path (below the region prefix); 404 for an unknown path, 405 for a wrong method. */
export function matchRoute(method: string, segments: readonly string[]): RouteMatch {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const params = capture(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { operation: route.operation, params };
    allowed.push(route.method);
  }
  const path = "/" + segments.join("/");
  if (allowed.length === 0) throw resourceNotFound(`no API at ${path}`);
  throw methodNotAllowed(method, path, allowed);
}
