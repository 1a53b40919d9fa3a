import type { IncomingMessage, ServerResponse } from "node:http";
import type { Query } from "@/lib/swr/signing";
import { invalidParameter, type SimError } from "./errors";

const MAX_BODY_BYTES = 1_048_576;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => (size > MAX_BODY_BYTES ? reject(invalidParameter("request body is larger than 1 MiB")) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
    req.on("close", () => req.complete || reject(invalidParameter("the request body was cut off")));
  });
}

/** Splits a request target into its raw path (as sent, not decoded) and raw query. */
export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  const q = target.indexOf("?");
  return q < 0 ? { rawPath: target, rawQuery: "" } : { rawPath: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

/** Decodes the wire query; a repeated name becomes an array of its values. */
export function parseQuery(rawQuery: string): Query {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    const prev = out[name];
    out[name] = prev === undefined ? value : [...(typeof prev === "string" ? [prev] : prev), value];
  }
  return out;
}

/** The single value of a query parameter; repeating a parameter SWR reads once is a client error. */
export function single(query: Query, name: string): string | undefined {
  const v = query[name];
  if (v === undefined || typeof v === "string") return v;
  throw invalidParameter(`query parameter ${name} must be given once`);
}

export interface Reply {
  status: number;
  /** JSON-serialised; `undefined` sends an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export function send(res: ServerResponse, reply: Reply): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.body === undefined) {
    res.writeHead(reply.status, { "Content-Length": "0" }).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { "Content-Type": "application/json;charset=utf-8", "Content-Length": Buffer.byteLength(text) }).end(text);
}

export function sendError(res: ServerResponse, error: SimError): void {
  send(res, { status: error.status, body: error.body, headers: error.headers });
}
