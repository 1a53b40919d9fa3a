import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Exchange, fetchExchange, undiciExchange } from "./exchange";

// The client's HTTP exchange: undici's request() by default, a fetch-shaped function where a test gives one. Both
// answer alike: status, headers by any case, the body as text, redirects not followed, aborts thrown.

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/moved") {
      res.writeHead(302, { Location: "/elsewhere" });
      res.end();
      return;
    }
    if (req.url === "/hang") return;
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      res.writeHead(201, { "Content-Type": "application/json", "X-Request-Id": "r-1", "Content-Range": "0-1/2" });
      res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.each([
  ["undici's request()", undiciExchange],
  ["fetch()", fetchExchange((input, init) => fetch(input, init))],
] as [string, Exchange][])("the exchange through %s", (_name, exchange) => {
  it("sends the method, headers and body, and reads status, headers (any case) and body", async () => {
    const answer = await exchange(`${base}/x?a=1`, { method: "POST", headers: { Authorization: "SDK x" }, body: '{"k":1}', signal: AbortSignal.timeout(5_000) });
    expect(answer.status).toBe(201);
    expect(answer.header("x-request-id")).toBe("r-1");
    expect(answer.header("Content-Range")).toBe("0-1/2");
    expect(answer.header("retry-after")).toBeUndefined();
    expect(JSON.parse(answer.text)).toEqual({ method: "POST", auth: "SDK x", body: '{"k":1}' });
  });

  it("does not follow a redirect", async () => {
    const answer = await exchange(`${base}/moved`, { method: "GET", headers: {}, signal: AbortSignal.timeout(5_000) });
    expect(answer.status).toBe(302);
    expect(answer.header("location")).toBe("/elsewhere");
  });

  it("throws when the signal aborts", async () => {
    await expect(exchange(`${base}/hang`, { method: "GET", headers: {}, signal: AbortSignal.timeout(100) })).rejects.toBeDefined();
  });
});
