import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";

// The shape of one entry of the API's operation list: what a route handler takes and answers, by the route's own schemas.

/** Answers of the routes that ask SWR (browse, and job requests checked against SWR). */
export const SWR_ERRORS = [429, 502, 504];

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export const TAGS = {
  Jobs: "Start, follow, cancel and retry sync jobs; the history and its CSV export.",
  Browse: "Regions, namespaces, repositories and tags as SWR reports them (every answer asks SWR).",
  Compare: "A namespace or repository against the same (or another) namespace in other regions, tag by tag.",
  "Sync rules":
    "SWR's automatic sync rules, which copy every new push of a repository to another region; creating one can also sync the tags already there.",
  Users: "Accounts and their sessions (admins only).",
  Audit: "Who did what, when, and whether it worked (admins only).",
  "API tokens":
    "Personal tokens for scripts and pipelines: `Authorization: Bearer <token>` acts as their owner, with the role chosen at creation.",
  Profile: "The caller's own preferences: the time zone the dashboard shows and filters times in.",
  Webhooks:
    "Job outcomes sent to other services as signed JSON or chat cards, and each delivery's log (admins only).",
  Service: "Endpoints for operators and tools: liveness and readiness probes, metrics and this document.",
} as const;
export type Tag = keyof typeof TAGS;

/**
 * Who may call: the least role the route's guard (`route()` in lib/api/handler.ts) asks for, with a session cookie or a
 * personal API token; `public` for routes that need neither; `metricsToken` for the scrape endpoint.
 */
export type Access = Role | "public" | "metricsToken";

export interface Example {
  summary: string;
  value: unknown;
}

/** A JSON body (request or answer): the zod schema the code uses, under the name it has in `components.schemas`. */
export interface JsonContent {
  schema: z.ZodType;
  name: string;
  examples?: Record<string, Example>;
}

export interface SuccessResponse {
  status: number;
  description: string;
  json?: JsonContent;
  /** A non-JSON answer: its media type and what it holds. Neither `json` nor `other`: an answer without a body (204). */
  other?: { mediaType: string; description: string };
}

export interface Operation {
  /** A stable camelCase name for client generators. */
  id: string;
  method: HttpMethod;
  /** OpenAPI style: `/api/jobs/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: Tag;
  access: Access;
  /** The very schemas the route passes to `route()`; query and params are objects (one parameter per property). */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: JsonContent & { maxBytes?: number };
  /** Request headers the handler reads itself. */
  headers?: Record<string, { schema: z.ZodType; description: string }>;
  /** Descriptions of parameters, by name, where the schema alone does not say enough. */
  notes?: Record<string, string>;
  responses: SuccessResponse[];
  /** Error statuses beyond those the guard itself answers (400, 401, 403, 500; 413 and 415 with a body). */
  errors?: number[];
}
