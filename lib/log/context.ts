import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// What every log line of the current request or job round carries (requestId, jobId), without passing it around.

export interface LogContext {
  requestId?: string;
  jobId?: string;
}

// One store per process, on globalThis: Next bundles this module into several chunks (instrumentation, each route),
// and the logger created in one of them must see the context set in another.
const holder = globalThis as typeof globalThis & { swrSyncLogContext?: AsyncLocalStorage<LogContext> };
const storage = (holder.swrSyncLogContext ??= new AsyncLocalStorage<LogContext>());

/** The fields of the context this code runs in; empty outside any request or job round. */
export function logContext(): LogContext {
  return storage.getStore() ?? {};
}

/** Runs `fn` with `fields` added to the current context, for everything it awaits and every timer it starts. */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

// Letters, digits and a few separators: what load balancers and tracing proxies send (UUIDs, ULIDs, trace ids).
const SANE_REQUEST_ID = /^[A-Za-z0-9._:=-]{8,128}$/;

/** The caller's `X-Request-Id` when it is a sane value, so one id follows a request through proxies; else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id")?.trim();
  return given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
