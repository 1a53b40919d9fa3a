import { type Message, type MessageParam } from "@/i18n/message";

// The browser side of our JSON API for every feature: URLs, answers typed by the server's DTOs, errors as ApiError with
// the server's sentence. The route handlers build answers typed by the DTO schemas (lib/<feature>/dto.ts); the
// browser does not parse them again, since zod would cost every page about 30 kB of gzipped JS.

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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

interface ErrorOfBody {
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  /** The message as catalog key and parameters, for the reader's language. */
  msg?: Message;
  fieldMessages?: Record<string, Message[]>;
}

/** A message of an answer (key, and parameters that are text, numbers or messages), or null when it is not one. */
function messageOf(value: unknown): Message | null {
  if (!isRecord(value) || typeof value.key !== "string") return null;
  if (value.params === undefined) return { key: value.key };
  if (!isRecord(value.params)) return null;
  const params: Record<string, MessageParam> = {};
  for (const [name, v] of Object.entries(value.params)) {
    const param = typeof v === "string" || typeof v === "number" ? v : messageOf(v);
    if (param === null) return null;
    params[name] = param;
  }
  return { key: value.key, params };
}

/** The API's `{ error: { code, message, fields? } }`, or null for any other body (a proxy's page, an empty answer). */
export function errorOfBody(body: unknown): ErrorOfBody | null {
  const error = isRecord(body) ? body.error : undefined;
  if (!isRecord(error) || typeof error.code !== "string" || typeof error.message !== "string") return null;
  const fields: Record<string, string[]> = {};
  if (isRecord(error.fields))
    for (const [key, messages] of Object.entries(error.fields))
      if (Array.isArray(messages)) fields[key] = messages.filter((m): m is string => typeof m === "string");
  const msg = messageOf({ key: error.key, params: error.params });
  const fieldMessages: Record<string, Message[]> = {};
  if (isRecord(error.fieldMessages))
    for (const [key, messages] of Object.entries(error.fieldMessages))
      if (Array.isArray(messages)) fieldMessages[key] = messages.map(messageOf).filter((m): m is Message => m !== null);
  return {
    code: error.code,
    message: error.message,
    ...(isRecord(error.fields) ? { fields } : {}),
    ...(msg ? { msg } : {}),
    ...(isRecord(error.fieldMessages) ? { fieldMessages } : {}),
  };
}

/** The API's error body as an ApiError; a body that is not ours keeps the HTTP status as its message. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const error = errorOfBody(await response.json().catch(() => null));
  if (!error) return new ApiError(response.status, "unknown", `HTTP ${response.status} ${response.statusText}`.trim());
  return new ApiError(response.status, error.code, error.message, error.fields, error.msg, error.fieldMessages);
}

/** A GET of the API; `T` is the answer's DTO type (lib/<feature>/dto.ts). */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}

/** A sentence for any failure of a request, for alerts. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A state-changing request: JSON body and Content-Type (the API refuses anything else); `T` is the answer's DTO type. */
export async function sendJson<T>(
  method: "POST" | "PATCH" | "DELETE",
  url: string,
  body: unknown,
  options: { headers?: Record<string, string> } = {},
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { ...options.headers, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}
