import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { createSwrClient } from "./client";

// What the SWR client logs of its calls: one debug line per attempt, a warning per retry, and never a credential.

const { source } = SEED.regions;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, syncDelayMs: 20 });
});
afterAll(() => sim.close());

function capture() {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(chunk.toString());
      done();
    },
  });
  const lines = () => raw.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log: createLogger({ level: "trace", format: "json" }, sink), raw, lines };
}

describe("SWR client logs", () => {
  it.each(["password", "aksk"] as const)("logs each call and retry without a secret or signed header (%s)", async (kind) => {
    await simAdmin.reset(sim);
    await simAdmin.setFaults(sim, { rules: [{ kind: "throttle", operations: ["ListNamespaces"], count: 1, retryAfterSeconds: 0 }] });
    const { log, raw, lines } = capture();
    // Everything that travelled: tokens IAM issued and the Authorization / X-Auth-Token headers sent.
    const travelled: string[] = [];
    const swr = createSwrClient({
      credentials: kind === "password" ? { kind, domain: sim.iamUser.domain, user: sim.iamUser.name, password: sim.iamUser.password } : { kind, ...sim.credentials },
      swrEndpointTemplate: sim.endpointTemplate,
      iamEndpointTemplate: sim.endpointTemplate,
      sleep: () => Promise.resolve(),
      log,
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers);
        for (const name of ["authorization", "x-auth-token"]) if (headers.get(name)) travelled.push(headers.get(name)!);
        const res = await fetch(input, init);
        if (res.headers.get("x-subject-token")) travelled.push(res.headers.get("x-subject-token")!);
        return res;
      },
    });

    await swr.listNamespaces(source);
    await expect(swr.showNamespace(source, "no-such-namespace")).rejects.toMatchObject({ status: 404 });

    const calls = lines().filter((l) => l.msg === "SWR call" || l.msg === "SWR call failed");
    expect(calls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: "debug", operation: "ListNamespaces", region: source, status: 429, attempt: 1, ms: expect.any(Number) }),
        expect.objectContaining({ level: "debug", operation: "ListNamespaces", region: source, status: 200, attempt: 2 }),
        expect.objectContaining({ level: "debug", operation: "ShowNamespace", region: source, status: 404, attempt: 1 }),
      ]),
    );
    expect(lines().filter((l) => l.level === "warn")).toEqual([
      expect.objectContaining({ operation: "ListNamespaces", region: source, status: 429, throttled: true, attempt: 1, msg: "SWR asked to slow down; retrying" }),
    ]);

    expect(travelled.length).toBeGreaterThan(0);
    const secrets = [...travelled, sim.credentials.ak, sim.credentials.sk, sim.iamUser.password];
    for (const secret of secrets) expect(raw.join("")).not.toContain(secret);
  });
});
