import { z } from "zod";
import type { Message } from "@/i18n/message";
import { messageParamsSchema, messageSchema } from "@/i18n/message-schema";

// The browser side of our JSON API for every feature: URLs, answers parsed with zod, errors as ApiError with the server's sentence.


const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    key: z.string().optional(),
    params: messageParamsSchema.optional(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    fieldMessages: z.record(z.string(), z.array(messageSchema)).optional(),
  }),
});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's sentence in English; people read `msg`, rendered in their language. */
    message: string,
    readonly fields: Record<string, string[]> = {},
    /** The server's message as catalog key and parameters, when the answer was one of ours. */
    readonly msg?: Message,
    readonly fieldMessages: Record<string, Message[]> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ParamValue = string | number | boolean | undefined | null | readonly string[];

/** `path?a=1&tag=x&tag=y`, leaving out empty values. */
export function apiUrl(path: string, params: Record<string, ParamValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (typeof value === "object") for (const v of value) search.append(key, v);
    else search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The API's error body as an ApiError; a body that is not ours keeps the HTTP status as its message. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, "unknown", `HTTP ${response.status} ${response.statusText}`.trim());
  const { code, message, key, params, fields, fieldMessages } = parsed.data.error;
  return new ApiError(response.status, code, message, fields, key ? { key, params } : undefined, fieldMessages);
}

export async function getJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  if (!response.ok) throw await apiErrorOf(response);
  return schema.parse(await response.json());
}

/** A sentence for any failure of a request, for alerts. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A state-changing request: JSON body and Content-Type (the API refuses anything else), answer parsed with `schema`. */
export async function sendJson<T>(
  method: "POST" | "PATCH" | "DELETE",
  url: string,
  body: unknown,
  schema: z.ZodType<T>,
  options: { headers?: Record<string, string> } = {},
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { ...options.headers, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await apiErrorOf(response);
  return schema.parse(await response.json());
}
