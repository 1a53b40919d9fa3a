import { createServer, type IncomingHttpHeaders } from "node:http";

// A scripted HTTP server for transport tests: real sockets, replies chosen per request.

export interface StubRequest {
  method: string;
  /** Raw path as received, before `?`. */
  path: string;
  /** Raw query string as received, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type StubReply =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** Never answer (the client's timeout must fire). */
  | "hang"
  /** Drop the connection without an answer. */
  | "destroy";

export interface StubServer {
  url: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

export async function startStub(reply: (req: StubRequest, index: number) => StubReply): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const [path = "", rawQuery = ""] = (req.url ?? "").split(/\?(.*)/s);
      const request = { method: req.method ?? "", path, rawQuery, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      const r = reply(request, requests.length - 1);
      if (r === "hang") return;
      if (r === "destroy") {
        req.socket.destroy();
        return;
      }
      const body = r.text ?? (r.json === undefined ? "" : JSON.stringify(r.json));
      res.writeHead(r.status ?? 200, { "Content-Type": "application/json", ...r.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("stub server has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
