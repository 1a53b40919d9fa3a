import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { deliveriesAnswerSchema, deliveryAnswerSchema, webhookAnswerSchema } from "@/lib/webhooks/dto";
import { createSecretBox } from "@/lib/webhooks/secret-box";
import { createWebhookWorker } from "@/lib/webhooks/worker";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { POST as create } from "../../route";
import { GET as listDeliveries } from "../deliveries/route";
import { POST as sendTest } from "./route";

vi.mock("@/lib/auth/session-cookie");

// "Send test" against a receiver on this machine (WEBHOOK_ALLOW_PRIVATE=true): queued, sent signed by the worker, logged.

setUpApiTests();

const KEY = randomBytes(32).toString("base64");
const SECRET = "a-secret-of-the-hook-1";
let admin: SessionUser;

beforeAll(async () => {
  vi.stubEnv("APP_ENCRYPTION_KEY", KEY);
  vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "true");
  admin = await createTestUser("admin");
});

/** One pass of the delivery worker over the queued deliveries, quietly. */
function deliverOnce(): Promise<unknown> {
  const worker = createWebhookWorker({
    db: db(),
    config: { pollMs: 50, timeoutMs: 2_000, retryDelaysMs: [10], allowPrivate: true, batchSize: 10 },
    box: createSecretBox(KEY),
    log: { info: () => undefined, error: () => undefined },
  });
  return worker.runOnce();
}

describe("POST /api/webhooks/{id}/test", () => {
  it("queues a test delivery that the worker sends signed, and the log shows it with its attempt", async () => {
    actAs(admin);
    const receiver = await startWebhookReceiver({ secret: SECRET });
    try {
      const body = { name: "Local", url: receiver.url, events: ["job.failed"], secret: SECRET };
      const w = webhookAnswerSchema.parse((await jsonOf(await callRoute(create, "/api/webhooks", { body }))).body).webhook;
      expect(w).toMatchObject({ url: receiver.url, format: "generic", secretSet: true });
      const params = { id: w.id };
      const queued = await jsonOf(await callRoute(sendTest, `/api/webhooks/${w.id}/test`, { method: "POST", params }));
      expect(queued.status).toBe(202);
      expect(deliveryAnswerSchema.parse(queued.body).delivery).toMatchObject({ event: "test", status: "queued", attempts: 0, attemptLog: [] });

      await deliverOnce();
      const [request] = await receiver.waitFor(1);
      expect(request!.verified).toBe(true);
      expect(JSON.parse(request!.body)).toMatchObject({ event: "test", webhook: { id: w.id, name: "Local" } });

      const log = await jsonOf(await callRoute(listDeliveries, `/api/webhooks/${w.id}/deliveries`, { params }));
      expect(deliveriesAnswerSchema.parse(log.body)).toStrictEqual(log.body);
      expect(deliveriesAnswerSchema.parse(log.body).deliveries).toMatchObject([
        { event: "test", status: "succeeded", attempts: 1, lastStatusCode: 200, attemptLog: [{ number: 1, ok: true, statusCode: 200 }] },
      ]);
    } finally {
      await receiver.close();
    }
  });

  it("writes each webhook's card and test message in the webhook's language: Chinese for zh-CN, English for en", async () => {
    actAs(admin);
    const receiver = await startWebhookReceiver();
    try {
      const hooks = [];
      for (const language of ["zh-CN", "en", undefined] as const) {
        const body = { name: `Chat ${language ?? "default"}`, url: `${receiver.url}/${language ?? "default"}`, format: "slack", events: ["job.failed"], ...(language && { language }) };
        const answer = await jsonOf(await callRoute(create, "/api/webhooks", { body }));
        const w = webhookAnswerSchema.parse(answer.body).webhook;
        expect(w.language).toBe(language ?? "en");
        expect((await db().webhook.findUniqueOrThrow({ where: { id: w.id } })).language).toBe(language ?? "en");
        hooks.push(w);
        expect((await callRoute(sendTest, `/api/webhooks/${w.id}/test`, { method: "POST", params: { id: w.id } })).status).toBe(202);
      }
      await deliverOnce();
      const requests = await receiver.waitFor(3);
      const slackText = (path: string) => {
        const request = requests.find((r) => r.path === `/hook${path}`);
        return (JSON.parse(request!.body) as { blocks: { text: { text: string } }[] }).blocks[0]!.text.text;
      };
      expect(slackText("/zh-CN")).toBe("*来自 SWR Sync 的测试消息*\n这是一条来自 SWR Sync 的测试消息：Webhook 已设置好。\nWebhook：Chat zh-CN");
      expect(slackText("/en")).toBe("*Test message from SWR Sync*\nThis is a test message from SWR Sync: the webhook is set up.\nWebhook: Chat en");
      expect(slackText("/default")).toContain("Test message from SWR Sync");
      // The stored generic payload's sentence is in the webhook's language too.
      const zhDelivery = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: hooks[0]!.id } });
      expect(JSON.parse(zhDelivery.payload)).toMatchObject({ message: "这是一条来自 SWR Sync 的测试消息：Webhook 已设置好。" });
    } finally {
      await receiver.close();
    }
  });
});
