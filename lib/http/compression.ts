import "server-only";

// Small JSON answers go out uncompressed. The server's compression (next.config.ts `compress`) skips answers under
// 1 KiB when it knows their length, but Next sends a route handler's answer as a stream without one, so every answer
// was gzipped: for a page of five tags that is a zlib stream on the server's thread pool and another in the caller,
// more time than the bytes saved are worth (bench/README.md, the proxy ratio). An answer known to be small is marked
// `no-transform`, which the compression honours (and asks the same of proxies in between, for an answer where
// compressing gains next to nothing). Next drops Content-Length and Content-Encoding from a route handler's answer, so
// neither can be used to say this.

/** Below this, gzip saves too little to be worth it: the threshold of the server's own compression. */
export const COMPRESS_MIN_BYTES = 1024;

function isJson(response: Response): boolean {
  return response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** `response`, marked not to be compressed when it is a JSON answer under COMPRESS_MIN_BYTES. */
export async function uncompressedWhenSmall(response: Response): Promise<Response> {
  if (response.body === null || !isJson(response)) return response;
  const bytes = await response.arrayBuffer();
  const answer = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  if (bytes.byteLength < COMPRESS_MIN_BYTES) {
    const cacheControl = answer.headers.get("cache-control");
    answer.headers.set("Cache-Control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return answer;
}
