// A local webhook receiver for tests: records each request, checks its signature, and fails on demand.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@/lib/webhooks/signing";

export interface ReceivedRequest {
  at: Date;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The signature header matched the body under the receiver's secret (false without a secret). */
  verified: boolean;
  /** What the receiver answered (0: it hung). */
  answered: number;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** The next `n` requests get `status` (default 500). */
  failNext(n: number, status?: number): void;
  /** The next `n` requests get no answer until the receiver closes. */
  hangNext(n: number): void;
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: { secret?: string; body?: string } = {}): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  let failures: { n: number; status: number } = { n: 0, status: 500 };
  let hangs = 0;
  const waiters: (() => void)[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const timestamp = req.headers["x-swr-sync-timestamp"];
      const signature = req.headers["x-swr-sync-signature"];
      const verified =
        options.secret !== undefined && typeof timestamp === "string" && typeof signature === "string" && verifySignature(options.secret, timestamp, body, signature);
      let answered = 200;
      if (hangs > 0) {
        hangs--;
        answered = 0;
      } else if (failures.n > 0) {
        failures = { ...failures, n: failures.n - 1 };
        answered = failures.status;
      }
      requests.push({ at: new Date(), path: req.url ?? "/", headers: req.headers, body, verified, answered });
      for (const w of waiters.splice(0)) w();
      if (answered === 0) {
        hanging.add(res);
        return;
      }
      res.writeHead(answered, { "content-type": "application/json" });
      res.end(answered === 200 ? (options.body ?? '{"ok":true}') : '{"error":"failing on purpose"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    failNext(n, status = 500) {
      failures = { n, status };
    },
    hangNext(n) {
      hangs = n;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`the receiver got ${requests.length} of ${count} requests within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return requests;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
