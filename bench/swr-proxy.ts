// A counting HTTP proxy between the app and the SWR simulator: calls by SWR operation, and bytes both ways.
import http from "node:http";
import type { AddressInfo } from "node:net";

export const SWR_CALL_KINDS = ["sync_images", "sync_job", "tags", "other"] as const;
export type SwrCallKind = (typeof SWR_CALL_KINDS)[number];

export interface SwrTraffic {
  calls: Record<SwrCallKind, number>;
  /** Request and response bodies, as they crossed the proxy. */
  bytes: { sent: number; received: number };
  /** Answers with a status of 400 or more (throttling, faults, refusals), and upstream failures. */
  errors: number;
}

export interface CountingProxy {
  url: string;
  /** The traffic so far; subtract two of these with trafficBetween. */
  traffic(): SwrTraffic;
  close(): Promise<void>;
}

const emptyTraffic = (): SwrTraffic => ({
  calls: { sync_images: 0, sync_job: 0, tags: 0, other: 0 },
  bytes: { sent: 0, received: 0 },
  errors: 0,
});

/** What crossed the proxy between two snapshots. */
export function trafficBetween(before: SwrTraffic, after: SwrTraffic): SwrTraffic {
  const calls = emptyTraffic().calls;
  for (const kind of SWR_CALL_KINDS) calls[kind] = after.calls[kind] - before.calls[kind];
  return {
    calls,
    bytes: {
      sent: after.bytes.sent - before.bytes.sent,
      received: after.bytes.received - before.bytes.received,
    },
    errors: after.errors - before.errors,
  };
}

/** The operation of an SWR request, from its method and the last segment of its path. */
export function swrCallKind(method: string, url: string): SwrCallKind {
  const last = (url.split("?")[0] ?? "").replace(/\/$/, "").split("/").at(-1);
  if (method === "POST" && last === "sync_images") return "sync_images";
  if (method === "GET" && last === "sync_job") return "sync_job";
  if (method === "GET" && last === "tags") return "tags";
  return "other";
}

/** Forwards everything to `target` (`http://host:port`) unchanged, Host header included, so signatures still verify. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const traffic = emptyTraffic();

  const server = http.createServer((req, res) => {
    traffic.calls[swrCallKind(req.method ?? "GET", req.url ?? "/")] += 1;
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        if ((answer.statusCode ?? 500) >= 400) traffic.errors += 1;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on("data", (chunk: Buffer) => (traffic.bytes.received += chunk.length));
        answer.pipe(res);
      },
    );
    forward.on("error", (error: NodeJS.ErrnoException) => {
      traffic.errors += 1;
      // A connection the simulator dropped on purpose is dropped for the app too, as SWR's would be.
      if (error.code === "ECONNRESET") return void res.destroy();
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({ error_code: "SVCSTG.SWR.5000000", error_msg: "bench proxy: simulator unreachable" }),
      );
    });
    // The simulator may drop or hang a request on purpose (faults); mirror that to the app.
    res.on("close", () => {
      if (!res.writableFinished) forward.destroy();
    });
    req.on("data", (chunk: Buffer) => (traffic.bytes.sent += chunk.length));
    req.pipe(forward);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    traffic: () => structuredClone(traffic),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
