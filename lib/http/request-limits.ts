import { type Message, msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";

// Limits on what a request may carry, checked before anything decodes or buffers it (docs/api.md "Limits").

/** Body limit of every route that does not ask for more. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** The largest body any route accepts; the proxy refuses a larger Content-Length before a route runs. */
export const MAX_BODY_LIMIT = 8 * 1024 * 1024;
/** Node's default header limit (16 KiB) bounds the request line anyway. */
export const MAX_URL_LENGTH = 16_384;
export const MAX_SEGMENT_LENGTH = 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes one percent-encoded URL component; null when the escapes are malformed or not UTF-8. */
function decodeComponent(raw: string): string | null {
  if (!raw.includes("%")) return raw;
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x25) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch < 0x80) bytes.push(ch);
    else return decodeURIComponentOrNull(raw);
  }
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

function decodeURIComponentOrNull(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** C0 controls, DEL and lone surrogates: no field of this API means them, and PostgreSQL refuses NUL. */
export function hasUnsafeCharacters(value: string): boolean {
    return /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

/**
 * Why a request target (path and query, as sent) cannot be served, or null when it can: malformed
 * percent-escapes, invalid UTF-8, control characters, or over-long segments would otherwise reach
 * the framework's decoder (which answers 500) or the database.
 */
export function requestTargetProblem(url: string): Message | null {
  if (url.length > MAX_URL_LENGTH) return msg("errors.request.addressTooLong", { max: MAX_URL_LENGTH });
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const target = start < 0 ? "/" : url.slice(start);
  const hash = target.indexOf("#");
  const withoutHash = hash < 0 ? target : target.slice(0, hash);
  const q = withoutHash.indexOf("?");
  const path = q < 0 ? withoutHash : withoutHash.slice(0, q);
  const query = q < 0 ? "" : withoutHash.slice(q + 1);
  for (const segment of path.split("/")) {
    if (segment.length > MAX_SEGMENT_LENGTH) return msg("errors.request.addressPartTooLong", { max: MAX_SEGMENT_LENGTH });
    const decoded = decodeComponent(segment);
    if (decoded === null) return msg("errors.request.addressMalformed");
    if (hasUnsafeCharacters(decoded)) return msg("errors.request.addressControl");
  }
  for (const pair of query.split("&")) {
    if (pair.length > MAX_SEGMENT_LENGTH * 4) return msg("errors.request.queryPartTooLong");
    const decoded = decodeComponent(pair.replaceAll("+", " "));
    if (decoded === null) return msg("errors.request.queryMalformed");
    // Pages read their filters from the query too, and PostgreSQL refuses NUL where SQLite stores it.
    if (hasUnsafeCharacters(decoded)) return msg("errors.request.queryControl");
  }
  return null;
}

export function payloadTooLarge(limit: number): AppError {
  return new AppError("payload_too_large", msg("errors.request.bodyTooLarge", { limit }));
}

/** The declared Content-Length when it is over `limit`, so the request is refused before its body is read. */
export function checkContentLength(headers: Headers, limit: number): void {
  const declared = Number(headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
}

/** The body's bytes, counted while they stream in: past `limit` the stream is cancelled and nothing more is read. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  checkContentLength(request.headers, limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text, read under `limit`; AppError bad_request when it is not UTF-8. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const bytes = await readBodyBytes(request, limit);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError("bad_request", msg("errors.request.notUtf8"));
  }
}

/** The dotted path of the first string (key or value) with unsafe characters in a parsed input, or null. */
export function findUnsafeString(input: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value: input, path: "" }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (hasUnsafeCharacters(value)) return path || "_";
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (hasUnsafeCharacters(key)) return childPath;
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return null;
}

/** What a route reads from a request: its address (route params), its query, its body. */
export type RequestPart = "params" | "query" | "body";

/** "The query is not valid." and the like, for a refused part of a request. */
export function invalidPart(part: RequestPart): Message {
  return msg(part === "params" ? "errors.request.invalidParams" : part === "query" ? "errors.request.invalidQuery" : "errors.request.invalidBody");
}

/** AppError validation_failed when any string of `input` holds control characters (refused the same on every database). */
export function checkSafeStrings(input: unknown, part: RequestPart): void {
  const path = findUnsafeString(input);
  if (path !== null) {
    throw new AppError("validation_failed", invalidPart(part), { [path]: [msg("errors.validation.controlCharacters")] });
  }
}
