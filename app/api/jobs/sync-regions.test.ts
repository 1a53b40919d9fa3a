import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { actAs, callRoute, createTestUser, jsonOf, rowCounts, setUpApiTests } from "@/test/api-routes";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { POST as plan } from "./plan/route";
import { POST as start } from "./route";

vi.mock("@/lib/auth/session-cookie");

// POST /api/jobs and /api/jobs/plan refuse a sync SWR would refuse for its regions, before asking SWR or writing anything.

const env = setUpApiTests({ simulator: true });
const REGIONS = "cn-north-1, cn-north-4, cn-east-2, cn-east-3, cn-south-1, ap-southeast-1, ap-southeast-3";
const AMONG = `it syncs images only among ${REGIONS}.`;
/** The message of a region SWR does not sync from or to, as key and params. */
const refusal = (end: "from" | "to", region: string) => ({ key: end === "from" ? "jobErrors.syncFromRegion" : "jobErrors.syncToRegion", params: { region, regions: REGIONS } });
const nginx = { sourceNamespace: "team-a", sourceRepository: "nginx", targetNamespace: "team-a", tags: ["latest"], override: false };

let operator: SessionUser;
beforeAll(async () => {
  operator = await createTestUser("operator");
});

describe.each([
  ["POST /api/jobs", start, "/api/jobs"],
  ["POST /api/jobs/plan", plan, "/api/jobs/plan"],
] as const)("%s", (_, handler, path) => {
  it.each([
    [
      "a source outside the sync regions",
      { sourceRegion: SEED.regions.noSync, targetRegion: "cn-north-4" },
      "sourceRegion",
      `SWR does not support image sync from cn-southwest-2 (CN Southwest-Guiyang1); ${AMONG}`,
      refusal("from", "cn-southwest-2 (CN Southwest-Guiyang1)"),
    ],
    [
      "a target outside the sync regions",
      { sourceRegion: "cn-north-4", targetRegion: "eu-west-0" },
      "targetRegion",
      `SWR does not support image sync to eu-west-0 (EU-Paris); ${AMONG}`,
      refusal("to", "eu-west-0 (EU-Paris)"),
    ],
  ])("refuses %s with 400 naming the region, without asking SWR or writing anything", async (_what, regions, field, message, said) => {
    actAs(operator);
    await simAdmin.resetStats(env.sim);
    const before = await rowCounts();
    const res = await jsonOf(await callRoute(handler, path, { body: { ...nginx, ...regions } }));
    expect(res.status).toBe(400);
    const { error } = res.body as { error: Record<string, unknown> };
    expect(error).toMatchObject({ code: "validation_failed", message: expect.any(String), key: expect.any(String) });
    expect({ fields: error.fields, fieldMessages: error.fieldMessages }).toEqual({ fields: { [field]: [message] }, fieldMessages: { [field]: [said] } });
    expect(await rowCounts()).toEqual(before);
    expect((await simAdmin.stats(env.sim)).total).toBe(0);
  });

  it.each([
    [
      "a source outside the sync regions",
      { source: { region: SEED.regions.noSync, namespace: "team-a" }, targets: [{ region: "cn-north-4", namespace: "team-a" }] },
      "source.region",
      `SWR does not support image sync from cn-southwest-2 (CN Southwest-Guiyang1); ${AMONG}`,
      refusal("from", "cn-southwest-2 (CN Southwest-Guiyang1)"),
    ],
    [
      "one target of two outside the sync regions",
      { source: { region: "cn-north-4", namespace: "team-a" }, targets: [{ region: "cn-east-3", namespace: "team-a" }, { region: "eu-west-0", namespace: "team-a" }] },
      "targets.1.region",
      `SWR does not support image sync to eu-west-0 (EU-Paris); ${AMONG}`,
      refusal("to", "eu-west-0 (EU-Paris)"),
    ],
  ])("refuses a multi-repository body with %s, naming the region", async (_what, body, field, message, said) => {
    actAs(operator);
    await simAdmin.resetStats(env.sim);
    const before = await rowCounts();
    const res = await jsonOf(await callRoute(handler, path, { body: { ...body, repositories: [{ name: "nginx", tags: ["latest"] }], override: false } }));
    expect(res.status).toBe(400);
    const { error } = res.body as { error: Record<string, unknown> };
    expect(error).toMatchObject({ code: "validation_failed", message: expect.any(String), key: expect.any(String) });
    expect({ fields: error.fields, fieldMessages: error.fieldMessages }).toEqual({ fields: { [field]: [message] }, fieldMessages: { [field]: [said] } });
    expect(await rowCounts()).toEqual(before);
    expect((await simAdmin.stats(env.sim)).total).toBe(0);
  });

  it("accepts a sync between two sync regions", async () => {
    actAs(operator);
    const res = await callRoute(handler, path, { body: { ...nginx, sourceRegion: "cn-north-4", targetRegion: "cn-east-3", tags: ["1.26.0"] } });
    expect(res.status).toBeLessThan(300);
  });
});
