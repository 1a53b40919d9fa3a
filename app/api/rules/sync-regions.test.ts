import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { actAs, callRoute, createTestUser, jsonOf, rowCounts, setUpApiTests } from "@/test/api-routes";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { DELETE, POST } from "./route";

vi.mock("@/lib/auth/session-cookie");

// POST /api/rules refuses a rule SWR would refuse for its regions, before asking SWR or writing anything.

const env = setUpApiTests({ simulator: true });
const REGIONS = "cn-north-1, cn-north-4, cn-east-2, cn-east-3, cn-south-1, ap-southeast-1, ap-southeast-3";
const AMONG = `it syncs images only among ${REGIONS}.`;
/** The message of a region SWR does not sync from or to, as key and params. */
const refusal = (end: "from" | "to", region: string) => ({ key: end === "from" ? "jobErrors.syncFromRegion" : "jobErrors.syncToRegion", params: { region, regions: REGIONS } });
const rule = { namespace: "team-a", repository: "nginx", targetNamespace: "team-a", override: false, backfill: true };

let admin: SessionUser;
beforeAll(async () => {
  admin = await createTestUser("admin");
});

describe("POST /api/rules", () => {
  it.each([
    ["a source outside the sync regions", { region: SEED.regions.noSync, targetRegion: "cn-north-4" }, "region", `SWR does not support image sync from cn-southwest-2 (CN Southwest-Guiyang1); ${AMONG}`,
      refusal("from", "cn-southwest-2 (CN Southwest-Guiyang1)")],
    ["a target outside the sync regions", { region: "cn-north-4", targetRegion: "eu-west-0" }, "targetRegion", `SWR does not support image sync to eu-west-0 (EU-Paris); ${AMONG}`,
      refusal("to", "eu-west-0 (EU-Paris)")],
  ])("refuses %s with 400 naming the region, without asking SWR or writing anything", async (_what, regions, field, message, said) => {
    actAs(admin);
    await simAdmin.resetStats(env.sim);
    const before = await rowCounts();
    const res = await jsonOf(await callRoute(POST, "/api/rules", { body: { ...rule, ...regions } }));
    expect(res.status).toBe(400);
    const { error } = res.body as { error: Record<string, unknown> };
    expect(error).toMatchObject({ code: "validation_failed", message: expect.any(String), key: expect.any(String) });
    expect({ fields: error.fields, fieldMessages: error.fieldMessages }).toEqual({ fields: { [field]: [message] }, fieldMessages: { [field]: [said] } });
    expect(await rowCounts()).toEqual(before);
    expect((await simAdmin.stats(env.sim)).total).toBe(0);
  });
});

describe("DELETE /api/rules", () => {
  it("still deletes toward any region, so a rule made elsewhere can be removed", async () => {
    actAs(admin);
    const body = { region: "cn-north-4", namespace: "team-a", repository: "nginx", targetRegion: "eu-west-0", targetNamespace: "team-a" };
    const res = await callRoute(DELETE, "/api/rules", { method: "DELETE", body });
    expect(res.status).toBe(200);
  });
});
