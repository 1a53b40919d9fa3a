import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { userAnswerSchema, usersAnswerSchema } from "@/lib/users/dto";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET as listUsers } from "../route";
import { PATCH } from "./route";

vi.mock("@/lib/auth/session-cookie");

// The admin's users API: list, change role, disable and enable; every change is audited with before and after.

setUpApiTests();

let admin: SessionUser;

beforeAll(async () => {
  admin = await createTestUser("admin");
});

const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(PATCH, `/api/users/${id}`, { method: "PATCH", body, headers, params: { id } });

const auditOf = (target: string) =>
  db().auditEvent.findMany({ where: { target }, orderBy: [{ at: "asc" }, { id: "asc" }] });

describe("GET /api/users", () => {
  it("lists every user without password hashes", async () => {
    actAs(admin);
    const { status, body } = await jsonOf(await callRoute(listUsers, "/api/users"));
    expect(status).toBe(200);
    const { users } = usersAnswerSchema.parse(body);
    expect(users).toContainEqual(
      expect.objectContaining({ id: admin.id, email: admin.email, role: "admin", disabled: false }),
    );
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|scrypt/);
  });

  it("answers exactly the shared DTO: it parses with the browser's schema and carries no other key", async () => {
    actAs(admin);
    const { body } = await jsonOf(await callRoute(listUsers, "/api/users"));
    // zod drops unknown keys, so a parse equal to the raw body means the body had none.
    expect(usersAnswerSchema.parse(body)).toStrictEqual(body);
    const row = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(usersAnswerSchema.parse(body).users.find((u) => u.id === admin.id)).toStrictEqual({
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      disabled: row.disabled,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    });
  });

  it.each(["viewer", "operator"] as const)("refuses a %s (403)", async (role) => {
    actAs(await createTestUser(role));
    expect((await callRoute(listUsers, "/api/users")).status).toBe(403);
  });
});

describe("PATCH /api/users/{id}", () => {
  it("changes the role and audits role_change from → to", async () => {
    actAs(admin);
    const user = await createTestUser("viewer");
    const { status, body } = await jsonOf(await patch(user.id, { role: "operator" }));
    expect(status).toBe(200);
    expect(userAnswerSchema.parse(body)).toStrictEqual(body);
    expect(userAnswerSchema.parse(body).user).toMatchObject({
      id: user.id,
      role: "operator",
      disabled: false,
    });
    const events = await auditOf(user.id);
    expect(events.map((e) => [e.action, e.actorId, e.outcome, JSON.parse(e.detail ?? "{}")])).toEqual([
      ["role_change", admin.id, "success", { email: user.email, from: "viewer", to: "operator" }],
    ]);
  });

  it("disables and enables an account, auditing each", async () => {
    actAs(admin);
    const user = await createTestUser("operator");
    expect((await jsonOf(await patch(user.id, { disabled: true }))).body).toMatchObject({
      user: { disabled: true },
    });
    expect((await jsonOf(await patch(user.id, { disabled: false }))).body).toMatchObject({
      user: { disabled: false },
    });
    expect((await auditOf(user.id)).map((e) => [e.action, JSON.parse(e.detail ?? "{}")])).toEqual([
      ["user_disable", { email: user.email, from: false, to: true }],
      ["user_enable", { email: user.email, from: true, to: false }],
    ]);
  });

  it("changes role and status together, and audits nothing that did not change", async () => {
    actAs(admin);
    const user = await createTestUser("viewer");
    await patch(user.id, { role: "admin", disabled: true });
    await patch(user.id, { role: "admin" });
    expect((await auditOf(user.id)).map((e) => e.action)).toEqual(["role_change", "user_disable"]);
  });

  it.each([
    [
      "demote themself",
      { role: "operator" },
      "errors.users.demoteSelf",
      "You cannot demote yourself; ask another admin to change your role.",
    ],
    [
      "disable themself",
      { disabled: true },
      "errors.users.disableSelf",
      "You cannot disable your own account; ask another admin to do it.",
    ],
  ])("refuses to let an admin %s (409)", async (_, body, key, message) => {
    actAs(admin);
    const res = await jsonOf(await patch(admin.id, body));
    expect(res).toEqual({ status: 409, body: { error: { code: "conflict", key, message } } });
    expect(
      await db().user.findUnique({ where: { id: admin.id }, select: { role: true, disabled: true } }),
    ).toEqual({ role: "admin", disabled: false });
  });

  it("lets an admin keep their own role", async () => {
    actAs(admin);
    expect((await patch(admin.id, { role: "admin", disabled: false })).status).toBe(200);
  });

  it.each([
    ["an empty patch", {}, 400, "validation_failed"],
    ["an unknown role", { role: "owner" }, 400, "validation_failed"],
    ["disabled as a string", { disabled: "yes" }, 400, "validation_failed"],
    ["another field", { role: "viewer", email: "x@example.com" }, 400, "validation_failed"],
  ])("answers 400 for %s", async (_, body, status, code) => {
    actAs(admin);
    const user = await createTestUser("viewer");
    const res = await jsonOf(await patch(user.id, body));
    expect(res).toMatchObject({ status, body: { error: { code } } });
    expect(await auditOf(user.id)).toEqual([]);
  });

  it("answers 404 for an unknown user", async () => {
    actAs(admin);
    const res = await jsonOf(await patch("nope", { role: "viewer" }));
    expect(res).toEqual({
      status: 404,
      body: {
        error: { code: "not_found", key: "errors.users.notFound", params: { id: "nope" }, message: "There is no user with the ID nope." },
      },
    });
  });

  it.each([
    ["an operator", "operator", {}, 403],
    ["anonymous", null, {}, 401],
    ["another origin", "admin", { origin: "https://evil.example.com" }, 403],
  ] as const)("refuses %s", async (_, role, headers, status) => {
    const user = await createTestUser("viewer");
    actAs(role && (await createTestUser(role)));
    expect((await patch(user.id, { role: "admin" }, headers)).status).toBe(status);
    expect(await db().user.findUnique({ where: { id: user.id }, select: { role: true } })).toEqual({
      role: "viewer",
    });
  });
});
