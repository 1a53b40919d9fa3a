import "server-only";
import { requestIdOf, withLogContext } from "./context";
import { logger } from "./logger";

// Every API request: one id for all its log lines (and the caller, in X-Request-Id), and one line when it is answered.

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    // Headers of Response.redirect() and of fetched responses are immutable: answer with a copy.
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

/** Runs `handle` in the request's log context, answers with its `X-Request-Id`, and logs method, path, status and time. */
export async function withRequestLog(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  return withLogContext({ requestId }, async () => {
    const started = performance.now();
    const response = await handle();
    const status = response.status;
    const line = { method: request.method, path: new URL(request.url).pathname, status, ms: Math.round(performance.now() - started) };
    // Dashboard pages poll: successful reads only at debug, changes and refusals at info.
    const level = status >= 500 ? "error" : status >= 400 || !READS.has(request.method) ? "info" : "debug";
    logger("http")[level](line, "request answered");
    return withHeader(response, "X-Request-Id", requestId);
  });
}
