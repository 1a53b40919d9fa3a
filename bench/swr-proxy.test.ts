import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy, swrCallKind, trafficBetween, type CountingProxy } from "./swr-proxy";

describe("swrCallKind", () => {
  it.each([
    ["POST", "/cn-north-4/v2/manage/namespaces/a/repos/b$c/sync_images", "sync_images"],
    ["GET", "/cn-north-4/v2/manage/namespaces/a/repos/b/sync_job?filter=limit::100|offset::0", "sync_job"],
    ["GET", "/cn-south-1/v2/manage/namespaces/a/repos/b/tags?limit=1000&offset=0", "tags"],
    ["GET", "/cn-south-1/v2/manage/namespaces/a/repos/b/tags/", "tags"],
    ["GET", "/cn-north-4/v2/manage/namespaces", "other"],
    ["POST", "/cn-north-4/v3/auth/tokens", "other"],
    ["GET", "/cn-north-4/v2/manage/namespaces/a/repos/b/sync_images", "other"],
  ] as const)("%s %s → %s", (method, url, kind) => {
    expect(swrCallKind(method, url)).toBe(kind);
  });
});

describe("counting proxy", () => {
  let upstream: http.Server;
  let proxy: CountingProxy;
  const seen: { host?: string; body: string }[] = [];

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ host: req.headers.host, body });
        res.writeHead(req.url?.includes("missing") ? 404 : 200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ ok: true, path: req.url }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    proxy = await startCountingProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it("forwards requests unchanged, Host included, and counts calls, bytes and errors", async () => {
    const before = proxy.traffic();
    const body = JSON.stringify({ imageTag: ["a", "b"] });
    const sync = await fetch(`${proxy.url}/cn-north-4/v2/manage/namespaces/n/repos/r/sync_images`, {
      method: "POST",
      body,
    });
    const answer = await sync.text();
    expect(JSON.parse(answer)).toEqual({
      ok: true,
      path: "/cn-north-4/v2/manage/namespaces/n/repos/r/sync_images",
    });
    expect(seen.at(-1)).toEqual({ host: new URL(proxy.url).host, body });
    await (await fetch(`${proxy.url}/cn-south-1/v2/manage/namespaces/n/repos/r/tags?limit=1000`)).text();
    await (await fetch(`${proxy.url}/cn-south-1/v2/manage/namespaces/missing`)).text();

    const traffic = trafficBetween(before, proxy.traffic());
    expect(traffic.calls).toEqual({ sync_images: 1, sync_job: 0, tags: 1, other: 1 });
    expect(traffic.bytes.sent).toBe(Buffer.byteLength(body));
    expect(traffic.bytes.received).toBeGreaterThanOrEqual(Buffer.byteLength(answer));
    expect(traffic.errors).toBe(1);
  });
});
