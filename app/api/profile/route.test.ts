import { describe, expect, it, vi } from "vitest";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET, PATCH } from "./route";

vi.mock("@/lib/auth/session-cookie");

// Each person's own time zone: kept on their account, checked against the zones the server knows.

setUpApiTests();

const get = async () => jsonOf(await callRoute(GET, "/api/profile"));
const patch = async (body: unknown) => jsonOf(await callRoute(PATCH, "/api/profile", { method: "PATCH", body }));

describe("/api/profile", () => {
  it("follows the browser until a zone is chosen, keeps the chosen one, and goes back with null", async () => {
    const me = await createTestUser("viewer");
    const other = await createTestUser("viewer");
    actAs(me);
    expect(await get()).toEqual({ status: 200, body: { profile: { timeZone: null } } });
    expect(await patch({ timeZone: "asia/shanghai" })).toEqual({ status: 200, body: { profile: { timeZone: "Asia/Shanghai" } } });
    expect((await get()).body).toEqual({ profile: { timeZone: "Asia/Shanghai" } });
    actAs(other);
    expect((await get()).body).toEqual({ profile: { timeZone: null } });
    actAs(me);
    expect(await patch({ timeZone: null })).toEqual({ status: 200, body: { profile: { timeZone: null } } });
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone", "errors.validation.timeZoneOrNull"],
    [{ timeZone: "+08:00" }, "timeZone", "errors.validation.timeZoneOrNull"],
    [{ timeZone: 8 }, "timeZone", "errors.validation.timeZoneOrNull"],
    [{}, "timeZone", "errors.validation.timeZoneOrNull"],
    [{ timeZone: "UTC", role: "admin" }, "_", "errors.validation.unknownFields"],
  ])("refuses %j and leaves the zone as it was", async (body, field, key) => {
    actAs(await createTestUser("operator"));
    await patch({ timeZone: "Europe/Berlin" });
    const res = await patch(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: "validation_failed", key: "errors.request.invalidBody", fieldMessages: { [field]: [expect.objectContaining({ key })] } },
    });
    expect((await get()).body).toEqual({ profile: { timeZone: "Europe/Berlin" } });
  });

  it("answers 401 without a session", async () => {
    actAs(null);
    expect((await get()).status).toBe(401);
    expect((await patch({ timeZone: "UTC" })).status).toBe(401);
  });
});
