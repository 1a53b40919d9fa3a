import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/db/audit";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET } from "./route";

vi.mock("@/lib/auth/session-cookie");

// The admin's read of the audit log: filters, paging, and refusal for everyone else.

setUpApiTests();

let admin: SessionUser;

beforeAll(async () => {
  admin = await createTestUser("admin");
  for (let i = 0; i < 3; i++) {
    await recordAudit({ actor: { email: `someone${i}@example.com` }, action: "sign_in", outcome: i === 0 ? "failure" : "success", detail: { reason: "test", password: "never-stored" } });
  }
  await recordAudit({ actor: { id: admin.id, email: admin.email }, action: "role_change", target: "x@example.com", outcome: "success", detail: { from: "viewer", to: "operator" } });
});

interface AuditPage {
  items: { action: string; outcome: string; actorEmail: string; detail: unknown }[];
  nextCursor: string | null;
}

const get = async (query = "") => jsonOf(await callRoute(GET, `/api/audit${query}`));

describe("GET /api/audit", () => {
  it("lists events newest first, without secrets", async () => {
    actAs(admin);
    const { status, body } = await get();
    expect(status).toBe(200);
    const page = body as AuditPage;
    expect(page.items[0]).toMatchObject({ action: "role_change", detail: { from: "viewer", to: "operator" } });
    expect(JSON.stringify(page)).not.toContain("never-stored");
  });

  it.each([
    ["?action=sign_in", 3, (i: AuditPage["items"][number]) => i.action === "sign_in"],
    ["?action=sign_in&outcome=failure", 1, (i: AuditPage["items"][number]) => i.outcome === "failure"],
    ["?outcome=success&action=role_change", 1, (i: AuditPage["items"][number]) => i.action === "role_change"],
  ])("filters %s", async (query, count, every) => {
    actAs(admin);
    const page = (await get(query)).body as AuditPage;
    expect(page.items).toHaveLength(count);
    expect(page.items.every(every)).toBe(true);
  });

  it("pages with a cursor and refuses a foreign one", async () => {
    actAs(admin);
    const first = (await get("?limit=2")).body as AuditPage;
    expect(first.items).toHaveLength(2);
    const second = (await get(`?limit=2&cursor=${first.nextCursor}`)).body as AuditPage;
    expect(second.items[0]).not.toEqual(first.items[0]);
    const { status, body } = await get("?cursor=not-ours");
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: {
        code: "validation_failed",
        key: "errors.request.invalidQuery",
        message: "The query is not valid.",
        fields: { cursor: ["Is not a cursor this API handed out; start again from the first page."] },
        fieldMessages: { cursor: [{ key: "errors.validation.cursor" }] },
      },
    });
  });

  it.each([
    ["?action=drop_tables", "action", { key: "errors.validation.oneOf", params: { values: expect.stringContaining("sign_in") } }],
    ["?limit=1000", "limit", { key: "errors.validation.tooBig_number", params: { maximum: 100 } }],
  ])("answers 400 for %s", async (query, field, message) => {
    actAs(admin);
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { key: "errors.request.invalidQuery", fields: { [field]: expect.any(Array) }, fieldMessages: { [field]: [message] } } });
  });

  it.each(["viewer", "operator"] as const)("refuses a %s (403)", async (role) => {
    actAs(await createTestUser(role));
    expect((await get()).status).toBe(403);
  });
});
