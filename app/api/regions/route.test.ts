import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { GET } from "./route";

vi.mock("@/lib/auth/session-cookie");

// GET /api/regions against the SWR simulator over HTTP.

const env = setUpApiTests({ simulator: true });
const SIX_FROM_NORTH_4 = ["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"];

let viewer: SessionUser;
beforeAll(async () => {
  viewer = await createTestUser("viewer");
});

const get = async (query = "") => jsonOf(await callRoute(GET, `/api/regions${query}`));
const ids = (body: unknown) => (body as { regions: { id: string }[] }).regions.map((r) => r.id);

describe("GET /api/regions", () => {
  it("lists every region of the table without a source", async () => {
    actAs(viewer);
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(ids(body)).toHaveLength(27);
    expect(body).not.toHaveProperty("origin");
  });

  it("offers the sync targets SWR lists for a source, saying they came from SWR", async () => {
    actAs(viewer);
    const { status, body } = await get("?source=cn-north-4");
    expect(status).toBe(200);
    expect(body).toMatchObject({ supported: true, origin: "swr" });
    expect(ids(body)).toEqual(SIX_FROM_NORTH_4);
    expect((body as { regions: unknown[] }).regions).toContainEqual({ id: "ap-southeast-1", label: "CN-Hong Kong" });
  });

  it("offers the documented sync regions when ListSyncRegions fails, and says so", async () => {
    actAs(viewer);
    await simAdmin.setFaults(env.sim, { rules: [{ kind: "error", status: 500, operations: ["ListSyncRegions"] }] });
    const { status, body } = await get("?source=cn-north-4");
    expect(status).toBe(200);
    expect(body).toMatchObject({ supported: true, origin: "documented" });
    expect(ids(body)).toEqual(SIX_FROM_NORTH_4);
  });

  it("answers a source outside the sync regions with supported: false, without asking SWR", async () => {
    actAs(viewer);
    await simAdmin.resetStats(env.sim);
    const { status, body } = await get(`?source=${SEED.regions.noSync}`);
    expect({ status, body }).toEqual({ status: 200, body: { supported: false, origin: "documented", regions: [] } });
    expect((await simAdmin.stats(env.sim)).operations.ListSyncRegions ?? 0).toBe(0);
  });

  it("refuses an unknown region with 400", async () => {
    actAs(viewer);
    const { status, body } = await get("?source=xx-nowhere-1");
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: {
        code: "validation_failed",
        key: "errors.request.invalidQuery",
        fields: { source: ["Is not a region this app knows (see the region list)."] },
        fieldMessages: { source: [{ key: "errors.validation.unknownRegion" }] },
      },
    });
  });

  it("refuses a malformed region with 400", async () => {
    actAs(viewer);
    const { status, body } = await get("?source=Mars");
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "validation_failed", key: "errors.request.invalidQuery", fields: { source: [expect.stringMatching(/region ID/)] } } });
  });

  it("refuses an anonymous request with 401", async () => {
    actAs(null);
    expect((await get("?source=cn-north-4")).status).toBe(401);
  });
});
