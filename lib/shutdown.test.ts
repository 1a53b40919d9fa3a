import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createShutdown, listeningServers } from "./shutdown";

// The shutdown sequence: servers stop listening first, stops run in order within the limit, requests in flight end.

function quietLog() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(m), error: (m: string) => lines.push(`error: ${m}`) } };
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("createShutdown", () => {
  it("runs the registered stops once, in order, leaving out removed ones", async () => {
    const { log } = quietLog();
    const shutdown = createShutdown(log);
    const ran: string[] = [];
    shutdown.onShutdown("engine", async () => void ran.push("engine"));
    const remove = shutdown.onShutdown("gone", async () => void ran.push("gone"));
    shutdown.onShutdown("webhooks", async () => void ran.push("webhooks"));
    remove();
    expect(shutdown.stops()).toEqual(["engine", "webhooks"]);
    expect(shutdown.shuttingDown).toBe(false);

    const first = shutdown.run(1_000);
    expect(shutdown.shuttingDown).toBe(true);
    expect(shutdown.run(1_000)).toBe(first);
    await first;
    expect(ran).toEqual(["engine", "webhooks"]);
  });

  it("gives each stop the time left, goes on past a failing or hanging one, and ends within the limit", async () => {
    const { lines, log } = quietLog();
    const shutdown = createShutdown(log);
    const budgets: number[] = [];
    shutdown.onShutdown("failing", async (ms) => {
      budgets.push(ms);
      throw new Error("database gone");
    });
    shutdown.onShutdown("hanging", (ms) => {
      budgets.push(ms);
      return new Promise(() => undefined);
    });
    shutdown.onShutdown("late", async () => undefined);
    const started = Date.now();
    await shutdown.run(300);
    expect(Date.now() - started).toBeLessThan(600);
    expect(budgets[0]).toBeLessThanOrEqual(300);
    expect(budgets[1]).toBeGreaterThan(200);
    expect(lines).toEqual(
      expect.arrayContaining([
        "error: failing: stopping failed: database gone",
        "error: hanging: still stopping when the 300 ms limit passed",
        "error: late: not stopped, the 300 ms limit has passed",
      ]),
    );
  });

  it("closes the servers before the stops run: no new connection, the request in flight is answered, its keep-alive ended", async () => {
    const { log } = quietLog();
    const shutdown = createShutdown(log);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { server, url } = await listen((_req, res) => void slow.then(() => res.end("done")));
    shutdown.addServer(server);
    const inFlight = fetch(url).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));

    let refused: unknown;
    shutdown.onShutdown("engine", async () => {
      refused = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
        () => "answered",
        () => "refused",
      );
      release();
    });
    const started = Date.now();
    await shutdown.run(5_000);
    // The answered request's connection stays open for keep-alive (5 s) unless the sequence ends it.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(refused).toBe("refused");
    expect(await inFlight).toBe("done");
    expect(server.listening).toBe(false);
  });
});

describe("listeningServers", () => {
  it("finds a listening server that has not answered a request yet, and not one that stopped listening", async () => {
    const server = http.createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    expect(listeningServers()).toContain(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(listeningServers()).not.toContain(server);
  });
});
