import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { updateUserAsAdmin } from "@/lib/db/user-admin";
import { createdTokenAnswerSchema, tokenAnswerSchema, tokensAnswerSchema } from "@/lib/tokens/dto";
import { TOKEN_TOUCH_MS } from "@/lib/tokens/store";
import { actAs, APP_ORIGIN, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { NGINX_ROUTE } from "@/test/fixtures";
import { GET as listJobs, POST as postJob } from "../jobs/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

vi.mock("@/lib/auth/session-cookie");

// API tokens: created from a session (text shown once, only its hash kept), listed, revoked; and their bearers let in
// by the same guard as sessions, with the token's role capped by its owner's, and refused alike when not valid.

setUpApiTests({ simulator: true });

let admin: SessionUser;
let operator: SessionUser;
let viewer: SessionUser;

beforeAll(async () => {
  admin = await createTestUser("admin");
  operator = await createTestUser("operator");
  viewer = await createTestUser("viewer");
});

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/** A call as a pipeline makes it: the token in Authorization, no cookie (no session), no Origin. */
function withBearer(handler: Handler, path: string, token: string, o: { method?: string; body?: unknown } = {}) {
  actAs(null);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (o.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(new URL(path, APP_ORIGIN), {
    method: o.method ?? (o.body === undefined ? "GET" : "POST"),
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  return handler(request, { params: Promise.resolve({}) });
}

async function create(user: SessionUser, role: Role, name = `${role} token`, expiresInDays = 30) {
  actAs(user);
  const { status, body } = await jsonOf(await callRoute(POST, "/api/tokens", { body: { name, role, expiresInDays } }));
  expect(status).toBe(201);
  return createdTokenAnswerSchema.parse(body);
}

const revoke = (user: SessionUser, id: string) => {
  actAs(user);
  return callRoute(DELETE, `/api/tokens/${id}`, { method: "DELETE", params: { id } });
};

const auditOf = (target: string) =>
  db().auditEvent.findMany({ where: { target }, orderBy: [{ at: "asc" }, { id: "asc" }] });

const job = { ...NGINX_ROUTE, tags: ["latest"], override: false };

describe("POST /api/tokens", () => {
  it("answers the token text once, stores only its SHA-256, and audits the creation", async () => {
    const before = Date.now();
    const { token, secret } = await create(operator, "operator", "CI deploy", 30);
    expect(secret).toMatch(/^swrs_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`${token.prefix}_`)).toBe(true);
    expect(token).toMatchObject({ name: "CI deploy", role: "operator", lastUsedAt: null, revokedAt: null });
    const days = (Date.parse(token.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(30 - 0.001);
    expect(days).toBeLessThan(30.01);

    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(token.prefix.length));

    const [event] = await auditOf(token.id);
    expect(event).toMatchObject({ action: "token_create", actorId: operator.id, outcome: "success" });
    expect(event?.detail).not.toContain(secret.slice(token.prefix.length));

    actAs(operator);
    const list = await callRoute(GET, "/api/tokens");
    const text = await list.text();
    expect(text).not.toContain(secret.slice(token.prefix.length));
    expect(text).not.toContain(row.hash);
    expect(text).not.toMatch(/"(hash|secret)"/);
  });

  it.each<[Role, Role, number]>([
    ["viewer", "viewer", 201],
    ["viewer", "operator", 403],
    ["operator", "admin", 403],
    ["admin", "admin", 201],
  ])("a %s asking for a %s token ⇒ %i", async (creatorRole, role, status) => {
    const creator = { viewer, operator, admin }[creatorRole];
    actAs(creator);
    const count = await db().apiToken.count();
    const res = await callRoute(POST, "/api/tokens", { body: { name: "t", role, expiresInDays: 7 } });
    const { body } = await jsonOf(res);
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(body).toMatchObject({
        error: {
          code: "forbidden",
          key: "errors.tokens.roleAboveCreator",
          params: { role: { key: `errors.role.${creatorRole}` }, requested: { key: `errors.role.${role}` } },
          message: `A token cannot have more power than its creator: you are ${creatorRole}, so choose ${creatorRole} or lower, not ${role}.`,
        },
      });
      expect(await db().apiToken.count()).toBe(count);
    }
  });

  it.each([
    ["a name of 101 characters", { name: "x".repeat(101), role: "viewer", expiresInDays: 30 }, "name", "errors.validation.tooBig_string", "Must be at most 100 characters long."],
    ["a blank name", { name: "  ", role: "viewer", expiresInDays: 30 }, "name", "errors.tokens.giveName", "Give the token a name."],
    ["0 days", { name: "t", role: "viewer", expiresInDays: 0 }, "expiresInDays", "errors.tokens.daysMin", "Must be at least 1 day."],
    ["366 days", { name: "t", role: "viewer", expiresInDays: 366 }, "expiresInDays", "errors.tokens.daysMax", "Must be at most 365 days."],
    ["1.5 days", { name: "t", role: "viewer", expiresInDays: 1.5 }, "expiresInDays", "errors.tokens.wholeDays", "Must be a whole number of days."],
    ["no expiry", { name: "t", role: "viewer" }, "expiresInDays", "errors.tokens.wholeDays", "Must be a whole number of days."],
    ["no role", { name: "t", expiresInDays: 30 }, "role", "errors.validation.oneOf", "Must be one of: viewer, operator, admin."],
    ["an unknown field", { name: "t", role: "viewer", expiresInDays: 30, hash: "x" }, "_", "errors.validation.unknownFields", "Has fields this API does not take: hash."],
  ])("refuses %s with 400 naming the field", async (_, input, field, key, message) => {
    actAs(operator);
    const { status, body } = await jsonOf(await callRoute(POST, "/api/tokens", { body: input }));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: {
        code: "validation_failed",
        key: "errors.request.invalidBody",
        message: "The request body is not valid.",
        fields: { [field]: [message] },
        fieldMessages: { [field]: [expect.objectContaining({ key })] },
      },
    });
  });

  it("needs the Origin check for a session, and refuses to mint a token with a token", async () => {
    actAs(operator);
    const noOrigin = await callRoute(POST, "/api/tokens", {
      body: { name: "t", role: "viewer", expiresInDays: 1 },
      headers: { origin: "https://evil.example" },
    });
    expect(noOrigin.status).toBe(403);
    const { secret } = await create(operator, "operator");
    const res = await withBearer(POST, "/api/tokens", secret, { body: { name: "t2", role: "viewer", expiresInDays: 365 } });
    expect(await jsonOf(res)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
  });
});

describe("GET /api/tokens", () => {
  it("lists the caller's live tokens, newest first, and no one else's", async () => {
    const user = await createTestUser("operator");
    const first = await create(user, "viewer", "first");
    const second = await create(user, "operator", "second");
    const gone = await create(user, "viewer", "gone");
    await create(operator, "viewer", "someone else's");
    expect((await revoke(user, gone.token.id)).status).toBe(200);
    actAs(user);
    const { status, body } = await jsonOf(await callRoute(GET, "/api/tokens"));
    expect(status).toBe(200);
    expect(tokensAnswerSchema.parse(body).tokens.map((t) => t.id)).toEqual([second.token.id, first.token.id]);
  });
});

describe("DELETE /api/tokens/{id}", () => {
  it("revokes the caller's token, audits it, and its next use answers 401", async () => {
    const { token, secret } = await create(operator, "operator");
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(200);
    const { status, body } = await jsonOf(await revoke(operator, token.id));
    expect(status).toBe(200);
    expect(tokenAnswerSchema.parse(body).token.revokedAt).not.toBeNull();
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(401);
    expect((await auditOf(token.id)).map((e) => [e.action, e.actorId, e.outcome])).toEqual([
      ["token_create", operator.id, "success"],
      ["token_revoke", operator.id, "success"],
      ["token_use_denied", operator.id, "failure"],
    ]);
  });

  it("answers 404 for another user's token (as for an unknown one), but lets an admin revoke it", async () => {
    const { token, secret } = await create(operator, "viewer");
    const other = await jsonOf(await revoke(viewer, token.id));
    const unknown = await jsonOf(await revoke(viewer, "no-such-token"));
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(200);
    expect((await revoke(admin, token.id)).status).toBe(200);
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(401);
    const events = await auditOf(token.id);
    expect(events.find((e) => e.action === "token_revoke")).toMatchObject({ actorId: admin.id });
  });
});

describe("Authorization: Bearer on other routes", () => {
  it("lets an operator token read and start jobs without a session or Origin; the job is its owner's", async () => {
    const { secret } = await create(operator, "operator");
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(200);
    const { status, body } = await jsonOf(await withBearer(postJob, "/api/jobs", secret, { body: job }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ job: { createdBy: { email: operator.email } } });
  });

  it("caps a token at its own role (viewer token cannot start a job) and audits the refusal", async () => {
    const { token, secret } = await create(operator, "viewer");
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(200);
    const { status, body } = await jsonOf(await withBearer(postJob, "/api/jobs", secret, { body: job }));
    expect(status).toBe(403);
    expect(body).toMatchObject({
      error: {
        code: "forbidden",
        key: "errors.auth.tokenNeedsRole",
        params: { needed: { key: "errors.role.operator" }, role: { key: "errors.role.viewer" } },
        message: "This needs the operator role or higher; this API token acts as viewer.",
      },
    });
    const denied = (await auditOf(token.id)).filter((e) => e.action === "token_use_denied");
    expect(denied).toHaveLength(1);
    expect(JSON.parse(denied[0]!.detail!)).toMatchObject({ reason: "role", role: "viewer", needed: "operator" });
  });

  it("caps a token at its owner's current role: a demoted owner's operator token can no longer start jobs", async () => {
    const user = await createTestUser("operator");
    const { secret } = await create(user, "operator");
    expect((await withBearer(postJob, "/api/jobs", secret, { body: job })).status).toBe(201);
    await db().user.update({ where: { id: user.id }, data: { role: "viewer" } });
    expect((await withBearer(postJob, "/api/jobs", secret, { body: job })).status).toBe(403);
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(200);
  });

  it("answers unknown, malformed, revoked and expired tokens and a disabled owner's with one identical 401", async () => {
    const revoked = await create(operator, "viewer");
    await revoke(operator, revoked.token.id);
    const expired = await create(operator, "viewer");
    await db().apiToken.update({ where: { id: expired.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const owner = await createTestUser("operator");
    const disabled = await create(owner, "viewer");
    await db().user.update({ where: { id: owner.id }, data: { disabled: true } });
    const unknown = revoked.secret.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const answers = [];
    for (const token of [unknown, "swrs_nope", "", "x".repeat(5000), revoked.secret, expired.secret, disabled.secret]) {
      const res = await withBearer(listJobs, "/api/jobs", token);
      answers.push({ status: res.status, body: await res.text() });
    }
    expect(answers[0]).toMatchObject({ status: 401 });
    expect(JSON.parse(answers[0]!.body)).toMatchObject({ error: { code: "unauthenticated" } });
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    // A real token's refusals are audited against its owner, with the reason; an unknown one leaves no trace.
    const reasons = await db().auditEvent.findMany({
      where: { action: "token_use_denied", target: { in: [revoked.token.id, expired.token.id, disabled.token.id] } },
    });
    expect(reasons.map((e) => [e.target, JSON.parse(e.detail!).reason]).sort()).toEqual(
      [
        [revoked.token.id, "revoked"],
        [expired.token.id, "expired"],
        [disabled.token.id, "user_disabled"],
      ].sort(),
    );
  });

  it("stops a token for good when an admin disables its owner: enabling the account does not revive it", async () => {
    const owner = await createTestUser("operator");
    const { token, secret } = await create(owner, "operator");
    await updateUserAsAdmin(admin, owner.id, { disabled: true });
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(401);
    await updateUserAsAdmin(admin, owner.id, { disabled: false });
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(401);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
  });

  it("records the last use at most once a minute", async () => {
    const { token, secret } = await create(viewer, "viewer");
    const lastUsed = async () => (await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(200);
    expect(await lastUsed()).toEqual(first);
    const aWhileAgo = new Date(Date.now() - TOKEN_TOUCH_MS - 1000);
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: aWhileAgo } });
    expect((await withBearer(listJobs, "/api/jobs", secret)).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(aWhileAgo.getTime() + TOKEN_TOUCH_MS);
    actAs(viewer);
    const { tokens } = tokensAnswerSchema.parse((await jsonOf(await callRoute(GET, "/api/tokens"))).body);
    expect(tokens.find((t) => t.id === token.id)?.lastUsedAt).toBe((await lastUsed())!.toISOString());
  });

  it("leaves other Authorization schemes to the session (a proxy's Basic auth does not break the dashboard)", async () => {
    actAs(viewer);
    const res = await callRoute(listJobs, "/api/jobs", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(res.status).toBe(200);
  });
});
