import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { webhookAnswerSchema, webhooksAnswerSchema } from "@/lib/webhooks/dto";
import { createSecretBox } from "@/lib/webhooks/secret-box";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET as getOne, PATCH, DELETE } from "./[id]/route";
import { GET as listDeliveries } from "./[id]/deliveries/route";
import { POST as sendTest } from "./[id]/test/route";
import { GET as list, POST as create } from "./route";

vi.mock("@/lib/auth/session-cookie");

// The admin's webhooks API: admin only, the secret write-only, bad URLs refused as field errors, changes audited.

setUpApiTests();

const KEY = randomBytes(32).toString("base64");
const SECRET = "a-secret-of-the-hook-1";
let admin: SessionUser;

// env() is read once per file: these hold for the whole file (the receiver and no-key cases have their own files).
beforeAll(async () => {
  vi.stubEnv("APP_ENCRYPTION_KEY", KEY);
  vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "false");
  admin = await createTestUser("admin");
});

beforeEach(() => actAs(admin));

const valid = { name: "Chat", url: "https://93.184.215.14/hook", format: "wecom", events: ["job.failed", "job.succeeded"], secret: SECRET };
const post = (body: unknown) => callRoute(create, "/api/webhooks", { body });
const at = (id: string, o: { method?: string; body?: unknown } = {}) => ({ ...o, params: { id } });

async function created(body: Record<string, unknown> = valid) {
  const { status, body: answer } = await jsonOf(await post(body));
  expect(status).toBe(201);
  return webhookAnswerSchema.parse(answer).webhook;
}

describe("POST /api/webhooks", () => {
  it("creates a webhook, answers without the secret, stores it only encrypted and audits it", async () => {
    const res = await post(valid);
    const text = await res.text();
    expect(res.status).toBe(201);
    expect(text).not.toContain(SECRET);
    const { webhook } = webhookAnswerSchema.parse(JSON.parse(text));
    expect(webhookAnswerSchema.parse(JSON.parse(text))).toStrictEqual(JSON.parse(text));
    expect(webhook).toMatchObject({ name: "Chat", format: "wecom", events: ["job.succeeded", "job.failed"], enabled: true, secretSet: true, createdByEmail: admin.email });
    const row = await db().webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(createSecretBox(KEY).open({ ciphertext: row.secretCiphertext!, iv: row.secretIv!, tag: row.secretTag!, keyId: row.secretKeyId! })).toBe(SECRET);
    const audit = await db().auditEvent.findMany({ where: { target: webhook.id } });
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([["webhook_create", "success"]]);
    expect(audit[0]!.detail).not.toContain(SECRET);
  });

  it.each([
    ["ftp://example.com/hook", { key: "errors.webhooks.url.scheme", params: { scheme: "ftp:" } }, /https:\/\/ or http:\/\//],
    ["http://127.0.0.1:8080/", { key: "errors.webhooks.url.notPublic", params: { problem: { key: "errors.webhooks.url.loopback" } } }, /loopback/],
    ["http://[::1]/", { key: "errors.webhooks.url.notPublic", params: { problem: { key: "errors.webhooks.url.loopback" } } }, /loopback/],
    ["http://169.254.169.254/latest/meta-data/", { key: "errors.webhooks.url.notPublic", params: { problem: { key: "errors.webhooks.url.metadata" } } }, /metadata/],
    ["http://10.1.2.3/", { key: "errors.webhooks.url.notPublic", params: { problem: { key: "errors.webhooks.url.private" } } }, /private/],
    ["http://[::ffff:192.168.0.1]/", { key: "errors.webhooks.url.notPublic", params: { problem: { key: "errors.webhooks.url.private" } } }, /private/],
    ["http://localhost/", { key: "errors.webhooks.url.notPublicVia", params: { host: "localhost", problem: { key: "errors.webhooks.url.loopback" } } }, /localhost resolves to .*loopback/],
  ])("refuses %s with a field error on url, writing nothing", async (url, message, english) => {
    const before = await db().webhook.count();
    const { status, body } = await jsonOf(await post({ ...valid, url }));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: {
        code: "validation_failed",
        key: "errors.webhooks.urlRefused",
        message: "This webhook URL cannot be used.",
        fields: { url: [expect.stringMatching(english)] },
        fieldMessages: { url: [message] },
      },
    });
    expect(await db().webhook.count()).toBe(before);
  });


  it.each([
    [{ ...valid, events: [] }, "events", "errors.webhooks.chooseEvent", "Choose at least one event."],
    [{ ...valid, events: ["job.exploded"] }, "events.0", "errors.validation.oneOf", expect.stringMatching(/^Must be one of: job\.succeeded, /)],
    [{ ...valid, format: "teams" }, "format", "errors.validation.oneOf", expect.stringMatching(/^Must be one of: generic, /)],
    [{ ...valid, language: "fr" }, "language", "errors.validation.oneOf", "Must be one of: en, zh-CN."],
    [{ ...valid, secret: "short" }, "secret", "errors.validation.tooSmall_string", "Must be at least 16 characters long."],
    [{ ...valid, name: " " }, "name", "errors.webhooks.giveName", "Give the webhook a name."],
    [{ ...valid, extra: 1 }, "_", "errors.validation.unknownFields", "Has fields this API does not take: extra."],
  ])("refuses %j (field %s)", async (body, field, key, message) => {
    const { status, body: answer } = await jsonOf(await post(body));
    expect(status).toBe(400);
    expect(answer).toMatchObject({
      error: { key: "errors.request.invalidBody", fields: { [field]: [message] }, fieldMessages: { [field]: [expect.objectContaining({ key })] } },
    });
  });

});

describe("GET, PATCH and DELETE /api/webhooks/{id}", () => {
  it("lists and reads without the secret", async () => {
    const w = await created();
    const all = await callRoute(list, "/api/webhooks");
    const listed = await all.text();
    expect(listed).not.toContain(SECRET);
    expect(webhooksAnswerSchema.parse(JSON.parse(listed)).webhooks.map((x) => x.id)).toContain(w.id);
    const one = await jsonOf(await callRoute(getOne, `/api/webhooks/${w.id}`, at(w.id)));
    expect(webhookAnswerSchema.parse(one.body).webhook).toStrictEqual(w);
  });

  it("changes fields, removes the secret with null, refuses a private URL, and audits before and after", async () => {
    const w = await created();
    const patch = (body: unknown) => callRoute(PATCH, `/api/webhooks/${w.id}`, at(w.id, { method: "PATCH", body }));
    expect(w.language).toBe("en");
    const changed = webhookAnswerSchema.parse((await jsonOf(await patch({ name: "Renamed", enabled: false, secret: null, language: "zh-CN" }))).body).webhook;
    expect(changed).toMatchObject({ name: "Renamed", enabled: false, secretSet: false, url: valid.url, language: "zh-CN" });
    const refused = await jsonOf(await patch({ url: "http://192.168.1.1/" }));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: {
        fields: { url: [expect.stringContaining("private")] },
        fieldMessages: { url: [{ key: "errors.webhooks.url.notPublic", params: { problem: { key: "errors.webhooks.url.private" } } }] },
      },
    });
    expect((await db().webhook.findUniqueOrThrow({ where: { id: w.id } })).url).toBe(valid.url);
    const audit = await db().auditEvent.findMany({ where: { target: w.id, action: "webhook_update" } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ before: { name: "Chat", signed: true, language: "en" }, after: { name: "Renamed", signed: false, language: "zh-CN" }, signingChanged: true });
  });

  it("deletes with its delivery log, audited; then 404", async () => {
    const w = await created();
    await callRoute(sendTest, `/api/webhooks/${w.id}/test`, at(w.id, { method: "POST" }));
    const res = await callRoute(DELETE, `/api/webhooks/${w.id}`, at(w.id, { method: "DELETE" }));
    expect(res.status).toBe(204);
    expect(await db().webhookDelivery.count({ where: { webhookId: w.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { target: w.id, action: "webhook_delete" } })).toBe(1);
    expect((await callRoute(getOne, `/api/webhooks/${w.id}`, at(w.id))).status).toBe(404);
    expect((await callRoute(DELETE, `/api/webhooks/${w.id}`, at(w.id, { method: "DELETE" }))).status).toBe(404);
  });
});

describe("POST /api/webhooks/{id}/test and GET …/deliveries", () => {
  // A test delivery sent to a receiver: ./[id]/test/route.test.ts

  it("answers 404 for a webhook that does not exist", async () => {
    expect((await callRoute(sendTest, "/api/webhooks/nope/test", at("nope", { method: "POST" }))).status).toBe(404);
    expect((await callRoute(listDeliveries, "/api/webhooks/nope/deliveries", at("nope"))).status).toBe(404);
  });
});

describe("admin only", () => {
  it.each(["viewer", "operator"] as const)("refuses a %s on every route (403), and anyone signed out (401)", async (role) => {
    const w = await created();
    const calls = () => [
      callRoute(list, "/api/webhooks"),
      post(valid),
      callRoute(getOne, `/api/webhooks/${w.id}`, at(w.id)),
      callRoute(PATCH, `/api/webhooks/${w.id}`, at(w.id, { method: "PATCH", body: { enabled: false } })),
      callRoute(DELETE, `/api/webhooks/${w.id}`, at(w.id, { method: "DELETE" })),
      callRoute(sendTest, `/api/webhooks/${w.id}/test`, at(w.id, { method: "POST" })),
      callRoute(listDeliveries, `/api/webhooks/${w.id}/deliveries`, at(w.id)),
    ];
    actAs(await createTestUser(role));
    expect((await Promise.all(calls())).map((r) => r.status)).toEqual(Array(7).fill(403));
    actAs(null);
    expect((await Promise.all(calls())).map((r) => r.status)).toEqual(Array(7).fill(401));
    expect(await db().webhook.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ enabled: true });
  });

  it("refuses a mutation from another origin", async () => {
    const res = await callRoute(create, "/api/webhooks", { body: valid, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});
