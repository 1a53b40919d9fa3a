import "server-only";
import { request } from "undici";
import type { HttpMethod } from "./signing";

// One HTTP exchange with SWR or IAM, without retries or meaning: status, headers, body text. The client sends with
// undici's request(), which costs a third of the CPU of fetch() per call (no WHATWG Request/Response objects or
// streams); at the dashboard's request rates that CPU is most of what the app adds to a call to SWR. A fetch-shaped
// function still fits (tests that look at the requests as they go out), through fetchExchange.

export interface ExchangeRequest {
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface ExchangeAnswer {
  status: number;
  /** A response header by its name (any case); undefined when absent. */
  header(name: string): string | undefined;
  text: string;
}

/** Sends one request and reads the whole answer; a failure to connect, a dropped connection or an abort throws. */
export type Exchange = (url: string, init: ExchangeRequest) => Promise<ExchangeAnswer>;

/** undici's request() on its shared keep-alive pool; redirects are not followed (a 3xx is an answer like any other). */
export const undiciExchange: Exchange = async (url, init) => {
  const res = await request(url, { method: init.method, headers: init.headers, body: init.body, signal: init.signal });
  const text = await res.body.text();
  const headers = res.headers;
  return {
    status: res.statusCode,
    header: (name) => {
      const v = headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(", ") : v;
    },
    text,
  };
};

/** The same exchange through a fetch-shaped function. */
export function fetchExchange(send: typeof fetch): Exchange {
  return async (url, init) => {
    const response = await send(url, { ...init, redirect: "manual" });
    const text = await response.text();
    return { status: response.status, header: (name) => response.headers.get(name) ?? undefined, text };
  };
}
