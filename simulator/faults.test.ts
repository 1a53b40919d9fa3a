import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FaultConfigInput } from "./faults";
import { SEED } from "./seed";
import { startSimulator, type RunningSimulator } from "./server";
import { callSwr, expectGatewayError, expectJson, expectSwrError, simAdmin } from "./testing";

const REGION = SEED.regions.source;
const NAMESPACES = "/v2/manage/namespaces";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ syncDelayMs: 15 });
});
afterAll(() => sim.close());
beforeEach(() => simAdmin.reset(sim));

const status = async (path = NAMESPACES, region: string = REGION) => (await callSwr(sim, region, path)).status;

describe("request faults", () => {
  it("answers 500 for the scoped operation and region only", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "error", region: REGION, operations: ["ListNamespaces"], rate: 1 }] });
    await expectSwrError(await callSwr(sim, REGION, NAMESPACES), 500, "SVCSTG.SWR.5000007", "injected");
    expect([await status(`${NAMESPACES}/team-a`), await status(NAMESPACES, SEED.regions.mirror)]).toEqual([200, 200]);
  });

  it("throttles with 429 and Retry-After", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "throttle", retryAfterSeconds: 3 }] });
    const res = await callSwr(sim, REGION, NAMESPACES);
    expect(res.headers.get("retry-after")).toBe("3");
    await expectGatewayError(res, 429, "APIGW.0308", "throttling");
  });

  it("adds latency", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "latency", ms: 150 }] });
    const started = performance.now();
    expect(await status()).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("hangs until the client gives up, and keeps serving others", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "hang", count: 1 }] });
    await expect(callSwr(sim, REGION, NAMESPACES, { signal: AbortSignal.timeout(150) })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(await status()).toBe(200);
  });

  it("drops the connection without an answer", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "drop", operations: ["ShowNamespace"] }] });
    await expect(callSwr(sim, REGION, `${NAMESPACES}/team-a`)).rejects.toThrow("fetch failed");
  });

  it("fails the next N requests only, and shows what is left", async () => {
    await simAdmin.setFaults(sim, { rules: [{ kind: "error", status: 503, count: 2 }] });
    expect([await status(), await status(), await status()]).toEqual([503, 503, 200]);
    expect(await expectJson(await fetch(`${sim.url}/__sim/faults`))).toMatchObject({ rules: [{ kind: "error", count: 0 }] });
  });

  it("replays the same outcomes for the same seed", async () => {
    const config: FaultConfigInput = { seed: 42, rules: [{ kind: "error", rate: 0.5 }] };
    const run = async () => {
      await simAdmin.setFaults(sim, config);
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push(await status());
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500]));
  });
});

describe("sync faults", () => {
  const nginx = "/v2/manage/namespaces/team-a/repos/nginx";
  const trigger = () =>
    callSwr(sim, REGION, `${nginx}/sync_images`, { method: "POST", body: { imageTag: ["1.26.0"], remoteRegionId: SEED.regions.south, remoteNamespace: "team-a" } });
  const lastStatus = async () => {
    const jobs = await expectJson(await callSwr(sim, REGION, `${nginx}/sync_job`, { query: { filter: "limit::1|offset::0|order::desc" } }));
    return (jobs as { status: string }[])[0]?.status;
  };
  const finish = async () => {
    await expectJson(await trigger());
    await expect.poll(lastStatus, { timeout: 5_000, interval: 10 }).not.toMatch(/^(waiting|running)$/);
    return lastStatus();
  };
  const failure = { region: REGION, namespace: "team-a", repository: "nginx", tag: "1.26.0" };

  it("fails a tag's job with a reason the admin API shows and SWR's wire does not", async () => {
    await simAdmin.setFaults(sim, { syncFailures: [{ ...failure, reason: "registry quota exceeded" }] });
    expect(await finish()).toBe("failed");
    expect(await expectJson(await fetch(`${sim.url}/__sim/jobs`))).toMatchObject([{ tag: "1.26.0", status: "failed", reason: "registry quota exceeded" }]);
    const wire = await expectJson(await callSwr(sim, REGION, `${nginx}/sync_job`, { query: { filter: "limit::1|offset::0" } }));
    expect(wire).not.toHaveProperty("0.reason");
    expect(await status(`${nginx}`, SEED.regions.south)).toBe(404);
  });

  it("fails the next attempt only, so a retry succeeds", async () => {
    await simAdmin.setFaults(sim, { syncFailures: [{ ...failure, count: 1 }] });
    expect([await finish(), await finish()]).toEqual(["failed", "success"]);
  });

  it("ends a job in another terminal status", async () => {
    await simAdmin.setFaults(sim, { syncFailures: [{ ...failure, status: "timeout" }] });
    expect(await finish()).toBe("timeout");
  });
});

describe("fault configuration", () => {
  it.each<[string, unknown, string]>([
    ["a rate above 1", { rules: [{ kind: "error", rate: 2 }] }, "rules[0].rate"],
    ["an unknown kind", { rules: [{ kind: "explode" }] }, "rules[0].kind"],
    ["an unknown operation", { rules: [{ kind: "drop", operations: ["sync_images"] }] }, "rules[0].operations[0]"],
    ["both rate and count", { rules: [{ kind: "hang", rate: 0.5, count: 1 }] }, "give rate or count"],
    ["an unknown region", { rules: [{ kind: "hang", region: "xx-nowhere-1" }] }, "rules[0].region"],
    ["an unknown field", { rules: [{ kind: "hang", rat: 1 }] }, "rat"],
  ])("rejects %s", async (_, body, message) => {
    const res = await fetch(`${sim.url}/__sim/faults`, { method: "PUT", body: JSON.stringify(body) });
    await expectSwrError(res, 400, "SVCSTG.SWR.4000014", message);
  });

  it("starts with the faults given as options and restores them on reset", async () => {
    const faulty = await startSimulator({ faults: { rules: [{ kind: "error", operations: ["ShowNamespace"] }] } });
    try {
      const show = async () => (await callSwr(faulty, REGION, `${NAMESPACES}/team-a`)).status;
      expect(await show()).toBe(500);
      await simAdmin.setFaults(faulty, {});
      expect(await show()).toBe(200);
      await simAdmin.reset(faulty);
      expect(await show()).toBe(500);
    } finally {
      await faulty.close();
    }
  });

  it("refuses to start with invalid faults", async () => {
    await expect(startSimulator({ faults: { rules: [{ kind: "latency", ms: -1 }] } })).rejects.toThrow("rules.0.ms");
  });
});
