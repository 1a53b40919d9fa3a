import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { msg, type Message } from "@/i18n/message";
import { resolveWebhookTarget, type LookupAll } from "./address-guard";
import { deliveryFailure, quoted } from "./delivery-error";

// One POST to a webhook receiver: resolved and checked first, then connected to exactly the checked address
// (the socket's DNS lookup is pinned to it; TLS still verifies the certificate for the URL's host name).

export interface SendResult {
  /** null when no answer came (refused address, connection error, timeout). */
  statusCode: number | null;
  /** The first few KiB of the answer, for robots that report errors in a 200. */
  body: string;
  latencyMs: number;
  error: Message | null;
}

export interface SendOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
  lookup?: LookupAll;
}

const MAX_ANSWER = 4096;

function pinned(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

export async function sendWebhook(o: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target;
  try {
    target = await resolveWebhookTarget(o.url, { allowPrivate: o.allowPrivate, lookup: o.lookup });
  } catch (error) {
    return { statusCode: null, body: "", latencyMs: elapsed(), error: deliveryFailure(error) };
  }
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<SendResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, latencyMs: elapsed() });
    };
    const request = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned(target.address, target.family),
        headers: { "Content-Type": "application/json", "User-Agent": "SWR-Sync-Webhook/1", ...o.headers, "Content-Length": Buffer.byteLength(o.body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < MAX_ANSWER) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () => finish({ statusCode: response.statusCode ?? null, body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_ANSWER), error: null }));
        response.on("error", (error) => finish({ statusCode: response.statusCode ?? null, body: "", error: msg("errors.webhooks.delivery.brokeOff", { detail: quoted(error.message) }) }));
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, body: "", error: msg("errors.webhooks.delivery.noAnswer", { ms: o.timeoutMs }) });
      request.destroy();
    }, o.timeoutMs);
    request.on("error", (error) => finish({ statusCode: null, body: "", error: msg("errors.webhooks.delivery.unreachable", { detail: quoted(error.message) }) }));
    request.end(o.body);
  });
}
