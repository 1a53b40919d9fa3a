import "server-only";

// Small JSON answers go out uncompressed. The server's compression (next.config.ts `compress`) skips answers under
// 1 KiB when it knows their length, but Next sends a route handler's answer as a stream without one, so every answer
// was gzipped: for a page of five tags that is a zlib stream on the server's thread pool and another in the caller,
// more time than the bytes saved are worth (bench/README.md, the proxy ratio). An answer known to be small is marked
// `no-transform`, which the compression honours (and asks the same of proxies in between, for an answer where
// compressing gains next to nothing). Next drops Content-Length and Content-Encoding from a route handler's answer, so
// neither can be used to say this.
// Routes answer with jsonAnswer(), which serialises once and keeps the size, so the guard marks the answer without
// reading it back; any other JSON answer is read once and rebuilt to learn its size.

/** Below this, gzip saves too little to be worth it: the threshold of the server's own compression. */
export const COMPRESS_MIN_BYTES = 1024;

/** The body sizes of answers made by jsonAnswer(), for as long as each answer lives. */
const byteLengths = new WeakMap<Response, number>();

function isJson(response: Response): boolean {
  return response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** Response.json(), with the body's size kept for uncompressedWhenSmall(). */
export function jsonAnswer(data: unknown, init?: ResponseInit): Response {
  const body = JSON.stringify(data);
  const headers = new Headers(init?.headers);
  if (!headers.has("content-type")) headers.set("Content-Type", "application/json");
  const response = new Response(body, { ...init, headers });
  byteLengths.set(response, Buffer.byteLength(body));
  return response;
}

function markNoTransform(headers: Headers): void {
  const cacheControl = headers.get("cache-control");
  headers.set("Cache-Control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
}

/** `response`, marked not to be compressed when it is a JSON answer under COMPRESS_MIN_BYTES. */
export async function uncompressedWhenSmall(response: Response): Promise<Response> {
  if (response.body === null || !isJson(response)) return response;
  const known = byteLengths.get(response);
  if (known !== undefined) {
    if (known < COMPRESS_MIN_BYTES) markNoTransform(response.headers);
    return response;
  }
  const bytes = await response.arrayBuffer();
  const answer = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  if (bytes.byteLength < COMPRESS_MIN_BYTES) markNoTransform(answer.headers);
  return answer;
}
