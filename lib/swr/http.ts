import "server-only";
import { logger, type Logger } from "@/lib/log";
import { canonicalQueryString, type HttpMethod, type Query } from "./signing";
import { parseErrorBody } from "./error-body";
import { observeSwrExchange, observeSwrRetry } from "@/lib/metrics/swr-calls";
import { BUSY_CODE, redact, SwrError, type SwrAuthMethod, type SwrErrorInit, type SwrResource, type SwrService } from "./errors";
import type { Exchange, ExchangeAnswer } from "./exchange";
import { parseRetryAfter, retryDelay, type RetryPolicy } from "./retry";

// One HTTP exchange with SWR or IAM: URL, JSON body, auth headers, timeout, retries, error mapping.

export interface TransportOptions {
  exchange: Exchange;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => Date;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Values that must never appear in an error: AK, SK, tokens, password. */
  secrets: () => readonly (string | undefined)[];
  /** A debug line per attempt, a warning per retry; default the process logger's `swr` child. */
  log?: Pick<Logger, "debug" | "warn">;
  /**
   * An idempotent call still without an answer after this long goes out a second time beside the first, and the
   * first answer of the two is taken (the other is cancelled): a hung request then costs this, not the time-out.
   * Off when unset.
   */
  hedgeAfterMs?: number;
}

/** What an authorizer sees: the request exactly as it will travel. */
export interface PreparedRequest {
  region: string;
  method: HttpMethod;
  /** `host[:port]` as the URL carries it. */
  host: string;
  /** Full path as sent, including any path prefix of the endpoint. */
  path: string;
  query: Query;
  headers: Record<string, string>;
  body?: string;
}

export interface Authorizer {
  readonly method: SwrAuthMethod;
  /** All headers to send for this attempt (called again before every attempt). */
  headers(request: PreparedRequest): Promise<Record<string, string>>;
  /** Forgets cached credentials after a 401; true when one more attempt with fresh ones makes sense. */
  renew?(region: string): boolean;
}

export interface HttpCall {
  service?: SwrService;
  operation: string;
  region: string;
  method: "GET" | "POST" | "DELETE";
  /** Endpoint of the region; may carry a path prefix (the simulator's `/{region}`). */
  baseUrl: string;
  /** Operation path, repository already with `/` → `$`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** Serialised to JSON once; the same string is signed and sent. */
  body?: unknown;
  /** Retried on 429/5xx/network/timeout only when true; defaults to true for GET. */
  idempotent?: boolean;
  contentType?: string;
  resource?: SwrResource;
  authorizer: Authorizer;
}

export interface HttpResult {
  status: number;
  body: unknown;
  contentRange?: string;
  requestId?: string;
  server?: string;
  /** The server's `Date` header, when sent. */
  date?: string;
  header(name: string): string | undefined;
}

type Attempt = { ok: HttpResult } | { error: SwrError };

/** An attempt's outcome, or none when it was cancelled because the other of a hedged pair answered first. */
type Sent = Attempt | { cancelled: true };

function definedQuery(query: Record<string, string | undefined> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
}

function failureOf(e: unknown, signal: AbortSignal): Pick<SwrErrorInit, "kind" | "networkCode"> {
  if (signal.aborted) return { kind: "timeout" };
  // fetch() wraps the socket's error as its cause; undici's request() throws it as it is.
  const coded = e instanceof Error ? ((e.cause ?? e) as { code?: unknown }) : undefined;
  return { kind: "network", networkCode: typeof coded?.code === "string" ? coded.code : undefined };
}

/** Feeds the metrics and the per-region answer record (GET /api/ready) with one attempt's outcome. */
function observe(call: HttpCall, outcome: Attempt, seconds: number): void {
  const error = "error" in outcome ? outcome.error : undefined;
  const failure = error?.kind === "network" || error?.kind === "timeout" ? error.kind : undefined;
  // An answer that was not JSON still came from SWR; it has no status of its own, so count it as the 2xx it was.
  const status = "ok" in outcome ? outcome.ok.status : (error?.status ?? (failure ? undefined : 200));
  const throttled = error?.status === 429 ? "429" : error?.code === BUSY_CODE ? "busy" : undefined;
  observeSwrExchange({ operation: call.operation, region: call.region, service: call.service ?? "SWR", status, failure, throttled, seconds });
}

export function createTransport(options: TransportOptions) {
  async function attempt(call: HttpCall, url: string, prepared: PreparedRequest, cancel?: AbortSignal): Promise<Sent> {
    const base: SwrErrorInit = {
      kind: "http",
      service: call.service,
      operation: call.operation,
      region: call.region,
      resource: call.resource,
      authMethod: call.authorizer.method,
      host: prepared.host,
      timeoutMs: options.timeoutMs,
    };
    const headers = await call.authorizer.headers(prepared);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
    let response: ExchangeAnswer;
    try {
      response = await options.exchange(url, { method: prepared.method, headers, body: prepared.body, signal });
    } catch (e) {
      if (cancel?.aborted && !timeout.aborted) return { cancelled: true };
      return { error: new SwrError({ ...base, ...failureOf(e, timeout) }) };
    }
    const { header, text } = response;
    const requestId = header("x-request-id");
    if (response.status >= 200 && response.status < 300) {
      let body: unknown;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        return { error: new SwrError({ ...base, kind: "invalid_response", requestId, detail: "the body is not JSON" }) };
      }
      const meta = { contentRange: header("content-range"), server: header("server"), date: header("date") };
      return { ok: { status: response.status, body, requestId, header, ...meta } };
    }
    const parsed = parseErrorBody(text);
    const secrets = options.secrets();
    const error = new SwrError({
      ...base,
      status: response.status,
      code: parsed.code,
      swrMessage: parsed.message === undefined ? undefined : redact(parsed.message, secrets),
      requestId: requestId ?? parsed.requestId,
      retryAfterMs: parseRetryAfter(header("retry-after"), options.now()),
    });
    return { error };
  }

  // What is logged of a call: never its headers (signatures, tokens) or body, only what identifies it and how it went.
  function logAttempt(call: HttpCall, attemptNo: number, ms: number, outcome: Sent, hedge: boolean): void {
    const log = options.log ?? logger("swr");
    const line = { service: call.service ?? "SWR", operation: call.operation, region: call.region, method: call.method, attempt: attemptNo, ms, ...(hedge && { hedge }) };
    if ("cancelled" in outcome) return log.debug(line, "SWR call cancelled: the other of its hedged pair answered first");
    if ("ok" in outcome) return log.debug({ ...line, status: outcome.ok.status, swrRequestId: outcome.ok.requestId }, "SWR call");
    const { error } = outcome;
    log.debug({ ...line, status: error.status, kind: error.kind, code: error.code, swrRequestId: error.requestId }, "SWR call failed");
  }

  function logRetry(call: HttpCall, attemptNo: number, error: SwrError, delayMs: number): void {
    const throttled = error.status === 429 || error.code === BUSY_CODE;
    const line = { service: call.service ?? "SWR", operation: call.operation, region: call.region, attempt: attemptNo, status: error.status, kind: error.kind, code: error.code, throttled, delayMs };
    (options.log ?? logger("swr")).warn(line, throttled ? "SWR asked to slow down; retrying" : "SWR call failed; retrying");
  }

  /** One attempt, observed and logged (a cancelled one is only logged: it ended nothing). */
  async function timed(call: HttpCall, url: string, prepared: PreparedRequest, attemptNo: number, cancel?: AbortSignal, hedge = false): Promise<Sent> {
    const started = performance.now();
    const outcome = await attempt(call, url, prepared, cancel);
    const elapsedMs = performance.now() - started;
    if (!("cancelled" in outcome)) observe(call, outcome, elapsedMs / 1000);
    logAttempt(call, attemptNo, Math.round(elapsedMs), outcome, hedge);
    return outcome;
  }

  /**
   * One attempt of an idempotent call with a hedge: when the first request has not answered after `hedgeAfterMs`, a
   * second goes out; whichever answers first decides the attempt and the other is cancelled. A failure worth
   * retrying goes on to the next attempt at once rather than waiting for a request that has already been out too long.
   */
  async function hedged(call: HttpCall, url: string, prepared: PreparedRequest, attemptNo: number, hedgeAfterMs: number): Promise<Attempt> {
    const first = new AbortController();
    const firstSent = timed(call, url, prepared, attemptNo, first.signal);
    const early = await Promise.race([firstSent, options.sleep(hedgeAfterMs).then(() => null)]);
    if (early !== null) return early as Attempt;
    const second = new AbortController();
    const secondSent = timed(call, url, prepared, attemptNo, second.signal, true);
    // The loser is not awaited; a failure of its signing (IAM, say) must not go unhandled.
    for (const sent of [firstSent, secondSent]) sent.catch(() => undefined);
    const settled = (sent: Promise<Sent>, other: AbortController) => sent.then((outcome) => ({ outcome: outcome as Attempt, other }));
    const winner = await Promise.race([settled(firstSent, second), settled(secondSent, first)]);
    winner.other.abort();
    return winner.outcome;
  }

  /** Sends one call, retrying idempotent ones; resolves with a 2xx result or throws SwrError. */
  return async function send(call: HttpCall): Promise<HttpResult> {
    const endpoint = new URL(call.baseUrl);
    const query = definedQuery(call.query);
    const queryString = canonicalQueryString(query);
    const path = endpoint.pathname.replace(/\/+$/, "") + call.path;
    const url = `${endpoint.origin}${path}${queryString ? `?${queryString}` : ""}`;
    const prepared: PreparedRequest = {
      region: call.region,
      method: call.method,
      host: endpoint.host,
      path,
      query,
      headers: { "Content-Type": call.contentType ?? "application/json" },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    };
    const idempotent = call.idempotent ?? call.method === "GET";
    let renewed = false;
    const hedgeAfterMs = idempotent && options.hedgeAfterMs !== undefined && options.hedgeAfterMs < options.timeoutMs ? options.hedgeAfterMs : undefined;
    for (let attemptNo = 1; ; attemptNo++) {
      // Neither attempt is cancelled without a hedge: the outcome is always an answer or an error.
      const outcome = hedgeAfterMs === undefined ? ((await timed(call, url, prepared, attemptNo)) as Attempt) : await hedged(call, url, prepared, attemptNo, hedgeAfterMs);
      if ("ok" in outcome) return outcome.ok;
      const { error } = outcome;
      // A 401 was refused before any effect, so even a POST may go again once with fresh credentials.
      if (error.status === 401 && !renewed && call.authorizer.renew?.(call.region)) {
        renewed = true;
        attemptNo--;
        continue;
      }
      if (!idempotent || !error.retryable || attemptNo >= options.retry.maxAttempts) throw error;
      observeSwrRetry(call.operation, call.region);
      const delayMs = retryDelay(attemptNo, options.retry, options.random, error.retryAfterMs);
      logRetry(call, attemptNo, error, delayMs);
      await options.sleep(delayMs);
    }
  };
}

export type Send = ReturnType<typeof createTransport>;
