import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { cancelJobTasks } from "@/lib/jobs/cancel";
import { overwriteKeptTasks, retryFailedTasks } from "@/lib/jobs/retry";
import { refreshJobSummary } from "@/lib/jobs/summary";
import { metricsRegistry } from "@/lib/metrics/registry";
import { finishRound } from "@/lib/sync/store";
import { insertJob } from "@/test/api-routes";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { withTestDatabase } from "@/test/with-test-database";
import { toDeliveryDto } from "./deliveries";
import { eventPayloadSchema } from "./dto";
import { enqueueJobOutcome } from "./enqueue";
import type { WebhookEvent, WebhookFormat, WebhookLanguage } from "./events";
import { createSecretBox } from "./secret-box";
import { createWebhook } from "./store";
import { createWebhookWorker, nextAttemptAt, type WebhookWorkerConfig } from "./worker";

// Job outcomes → queued deliveries (exactly once per occurrence) → the worker: signed, retried with backoff, logged.

withTestDatabase();

const KEY = randomBytes(32).toString("base64");
const SECRET = "the-receivers-secret-1";
let receiver: WebhookReceiver;
let actor: { id: string; email: string };

const quiet = { info: () => undefined, error: () => undefined };
const config = (o: Partial<WebhookWorkerConfig> = {}): WebhookWorkerConfig => ({
  pollMs: 50,
  timeoutMs: 2_000,
  retryDelaysMs: [20, 20, 20, 20],
  allowPrivate: true,
  batchSize: 10,
  ...o,
});
const worker = (o: Partial<WebhookWorkerConfig> = {}, box = createSecretBox(KEY)) =>
  createWebhookWorker({ db: db(), config: config(o), box, log: quiet });

beforeAll(async () => {
  vi.stubEnv("APP_ENCRYPTION_KEY", KEY);
  vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "true");
  vi.stubEnv("NEXTAUTH_URL", "https://sync.example.com");
  const user = await createUser({ email: "admin@example.com", password: "a-test-password-1", role: "admin" });
  actor = { id: user.id, email: user.email };
});

beforeEach(async () => {
  receiver = await startWebhookReceiver({ secret: SECRET });
  await db().webhookDelivery.deleteMany();
  await db().webhook.deleteMany();
});

afterEach(async () => {
  await receiver.close();
});

afterAll(() => vi.unstubAllEnvs());

const hook = (
  events: WebhookEvent[] = ["job.succeeded", "job.failed", "job.cancelled"],
  o: { enabled?: boolean; secret?: string; format?: WebhookFormat; language?: WebhookLanguage; url?: string } = {},
) =>
  createWebhook(actor, {
    name: "Receiver",
    url: o.url ?? receiver.url,
    format: o.format ?? "generic",
    language: o.language ?? "en",
    events,
    secret: o.secret ?? SECRET,
    enabled: o.enabled ?? true,
  });

const deliveries = () => db().webhookDelivery.findMany({ orderBy: { createdAt: "asc" }, include: { attemptLog: { orderBy: { number: "asc" } } } });
/** The deliveries as the log answers them: errors in English and as messages. */
const logged = async () => (await deliveries()).map(toDeliveryDto);

/** Runs passes until nothing is due or `deadlineMs` passes (waits between passes let backoff run out). */
async function drain(w: ReturnType<typeof worker>, deadlineMs = 5_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    await w.runOnce();
    const open = await db().webhookDelivery.count({ where: { status: { in: ["queued", "delivering"] } } });
    if (open === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function counterValue(outcome: string): Promise<number> {
  const metric = await metricsRegistry().getSingleMetric("swr_sync_webhook_deliveries_total")?.get();
  return metric?.values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}

describe("enqueue on a job's end", () => {
  it("queues one delivery per subscribed, enabled webhook when a job finishes (refreshJobSummary), with the job summary and link", async () => {
    const all = await hook();
    const onlyFailed = await hook(["job.failed"]);
    await hook(["job.succeeded"], { enabled: false });
    const job = await insertJob({ createdById: actor.id, tasks: { a: "succeeded", b: "succeeded" } });
    const rows = await deliveries();
    expect(rows.map((r) => [r.webhookId, r.event, r.eventKey, r.status])).toEqual([[all.id, "job.succeeded", `job.succeeded:${job.id}:1`, "queued"]]);
    expect(onlyFailed.id).not.toBe(all.id);
    const payload = eventPayloadSchema.parse(JSON.parse(rows[0]!.payload));
    expect(payload).toMatchObject({
      event: "job.succeeded",
      job: { id: job.id, status: "succeeded", attempt: 1, url: `https://sync.example.com/jobs/${job.id}`, counts: { total: 2, succeeded: 2, failed: 0 }, startedBy: actor.email },
    });
  });

  it("queues nothing while a job runs, and a finish seen twice is still one event", async () => {
    await hook();
    const job = await insertJob({ createdById: actor.id, tasks: { a: "queued", b: "succeeded" } });
    expect(await db().webhookDelivery.count()).toBe(0);
    await db().syncTask.updateMany({ where: { jobId: job.id }, data: { status: "failed", finishedAt: new Date() } });
    await db().$transaction((tx) => refreshJobSummary(tx, job.id));
    await db().$transaction((tx) => refreshJobSummary(tx, job.id));
    await db().$transaction((tx) => enqueueJobOutcome(tx, job.id));
    expect((await deliveries()).map((d) => d.event)).toEqual(["job.failed"]);
  });

  it("the engine's end of round queues in its own transaction, and a retried job that finishes again is a new occurrence", async () => {
    await hook();
    const job = await insertJob({ createdById: actor.id, tasks: { a: "submitted" } });
    await db().syncJob.update({ where: { id: job.id }, data: { leaseOwner: "engine-1", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    await db().syncTask.updateMany({ where: { jobId: job.id }, data: { status: "failed", finishedAt: new Date() } });
    const row = await db().syncJob.findUniqueOrThrow({ where: { id: job.id } });
    // Lost lease: the round's writes roll back, the delivery with them.
    expect(await finishRound(db(), row, "engine-2", { ends: [], landed: [], nextRoundAt: null, progressed: true, recordCursor: undefined }, new Date())).toBe(false);
    expect(await db().webhookDelivery.count()).toBe(0);
    expect(await finishRound(db(), row, "engine-1", { ends: [], landed: [], nextRoundAt: null, progressed: true, recordCursor: undefined }, new Date())).toBe(true);
    expect((await deliveries()).map((d) => d.eventKey)).toEqual([`job.failed:${job.id}:1`]);

    await retryFailedTasks(job.id, actor);
    await db().syncTask.updateMany({ where: { jobId: job.id }, data: { status: "succeeded", finishedAt: new Date() } });
    await db().$transaction((tx) => refreshJobSummary(tx, job.id));
    expect((await deliveries()).map((d) => d.eventKey)).toEqual([`job.failed:${job.id}:1`, `job.succeeded:${job.id}:2`]);
  });

  it("a job the engine ends with kept tags queues job.succeeded and job.kept; overwriting them ends in job.succeeded alone", async () => {
    await hook(["job.succeeded", "job.kept"]);
    const job = await insertJob({ createdById: actor.id, tasks: { a: "succeeded", b: "submitted" } });
    await db().syncJob.update({ where: { id: job.id }, data: { leaseOwner: "engine-1", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    const row = await db().syncJob.findUniqueOrThrow({ where: { id: job.id } });
    const b = await db().syncTask.findFirstOrThrow({ where: { jobId: job.id, tag: "b" } });
    const fields = { targetDigest: "sha256:other", swrJobId: "1", swrStatus: "existed", lastErrorCode: null, lastErrorMessage: null, lastErrorMsg: null };
    const round = { landed: [], nextRoundAt: null, progressed: true, recordCursor: undefined };
    expect(await finishRound(db(), row, "engine-1", { ...round, ends: [{ id: b.id, status: "kept", fields }] }, new Date())).toBe(true);
    const first = await deliveries();
    expect(first.map((d) => d.eventKey).sort()).toEqual([`job.kept:${job.id}:1`, `job.succeeded:${job.id}:1`]);
    const kept = first.find((d) => d.event === "job.kept");
    expect(eventPayloadSchema.parse(JSON.parse(kept!.payload))).toMatchObject({ event: "job.kept", job: { status: "succeeded", counts: { total: 2, succeeded: 1, kept: 1 } } });

    await overwriteKeptTasks(job.id, actor);
    await db().syncTask.updateMany({ where: { jobId: job.id }, data: { status: "succeeded", finishedAt: new Date() } });
    await db().$transaction((tx) => refreshJobSummary(tx, job.id));
    expect((await deliveries()).map((d) => d.eventKey).filter((k) => k.endsWith(":2"))).toEqual([`job.succeeded:${job.id}:2`]);
  });

  it("a cancel that ends the job queues job.cancelled", async () => {
    await hook(["job.cancelled"]);
    const job = await insertJob({ createdById: actor.id, tasks: { a: "queued" } });
    await cancelJobTasks(job.id, actor);
    expect((await deliveries()).map((d) => d.eventKey)).toEqual([`job.cancelled:${job.id}:1`]);
  });
});

describe("delivery worker", () => {
  it("posts the signed payload once, and logs the attempt with status and latency", async () => {
    await hook();
    const before = await counterValue("succeeded");
    const job = await insertJob({ createdById: actor.id, tasks: { a: "succeeded" } });
    await drain(worker());
    const [request] = await receiver.waitFor(1);
    expect(receiver.requests).toHaveLength(1);
    expect(request!.verified).toBe(true);
    expect(request!.headers["x-swr-sync-event"]).toBe("job.succeeded");
    expect(JSON.parse(request!.body)).toMatchObject({ event: "job.succeeded", job: { id: job.id } });
    const [d] = await deliveries();
    expect(request!.headers["x-swr-sync-delivery"]).toBe(d!.id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, lastError: null, leaseOwner: null });
    expect(d!.deliveredAt).not.toBeNull();
    expect(d!.attemptLog.map((a) => [a.number, a.ok, a.statusCode])).toEqual([[1, true, 200]]);
    expect(d!.attemptLog[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(await counterValue("succeeded")).toBe(before + 1);
    // Nothing is due any more: a further pass sends nothing.
    expect(await worker().runOnce()).toBe(0);
  });

  it("writes a job's chat card in each webhook's language: Chinese for zh-CN, English for en", async () => {
    await hook(["job.failed"], { format: "slack", language: "zh-CN", url: `${receiver.url}/zh` });
    await hook(["job.failed"], { format: "slack", language: "en", url: `${receiver.url}/en` });
    await insertJob({ createdById: actor.id, tasks: { a: "succeeded", b: "failed" } });
    await drain(worker());
    const requests = await receiver.waitFor(2);
    const card = (path: string) => (JSON.parse(requests.find((r) => r.path === path)!.body) as { text: string; blocks: { text: { text: string } }[] });
    const zh = card("/hook/zh");
    expect(zh.text).toBe("同步任务结束但有失败");
    expect(zh.blocks[0]!.text.text).toMatch(/^\*同步任务结束但有失败\*\n状态：部分失败\n仓库：.*\n目标：.*\n标签：共 2 个标签，1 个成功，1 个失败\n<https:\/\/sync\.example\.com\/jobs\/\w+\|打开任务>$/);
    const en = card("/hook/en");
    expect(en.text).toBe("Sync job finished with failures");
    expect(en.blocks[0]!.text.text).toMatch(/^\*Sync job finished with failures\*\nStatus: Partially failed\nRepository: .*\nTarget: .*\nTags: 2 tags, 1 succeeded, 1 failed\n<https:\/\/sync\.example\.com\/jobs\/\w+\|Open the job>$/);
  });

  it("retries with the configured backoff after failures, then succeeds", async () => {
    await hook();
    receiver.failNext(2);
    await insertJob({ createdById: actor.id, tasks: { a: "succeeded" } });
    const w = worker({ retryDelaysMs: [150, 300, 20, 20] });
    await w.runOnce();
    const [first] = await deliveries();
    expect(first).toMatchObject({ status: "queued", attempts: 1, lastStatusCode: 500 });
    expect(first!.nextAttemptAt!.getTime() - first!.attemptLog[0]!.at.getTime()).toBeGreaterThanOrEqual(150);
    // Not due yet: the next pass sends nothing.
    expect(await w.runOnce()).toBe(0);
    await drain(w);
    const [d] = await deliveries();
    expect(d!.attemptLog.map((a) => [a.number, a.ok, a.statusCode])).toEqual([[1, false, 500], [2, false, 500], [3, true, 200]]);
    expect(d!.attemptLog[1]!.at.getTime() - d!.attemptLog[0]!.at.getTime()).toBeGreaterThanOrEqual(150);
    expect(d!.attemptLog[2]!.at.getTime() - d!.attemptLog[1]!.at.getTime()).toBeGreaterThanOrEqual(300);
    expect(d).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200, lastError: null });
    expect(receiver.requests.map((r) => r.answered)).toEqual([500, 500, 200]);
  });

  it("gives up after 5 attempts, keeping each in the log", async () => {
    await hook();
    receiver.failNext(100, 503);
    const before = await counterValue("failed");
    await insertJob({ createdById: actor.id, tasks: { a: "failed" } });
    await drain(worker());
    const [d] = await logged();
    expect(d).toMatchObject({ status: "failed", attempts: 5, lastStatusCode: 503, nextAttemptAt: null });
    expect(d!.lastError).toContain("HTTP 503");
    expect(d!.lastErrorMessage).toMatchObject({ params: { status: 503 } });
    expect(d!.attemptLog.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect(receiver.requests).toHaveLength(5);
    expect(await counterValue("failed")).toBe(before + 1);
  });

  it("a receiver that hangs is cut off at the time limit and tried again", async () => {
    await hook();
    receiver.hangNext(1);
    await insertJob({ createdById: actor.id, tasks: { a: "succeeded" } });
    await drain(worker({ timeoutMs: 300 }));
    const [d] = await logged();
    expect(d!.attemptLog.map((a) => [a.ok, a.statusCode])).toEqual([[false, null], [true, 200]]);
    expect(d!.attemptLog[0]).toMatchObject({
      error: "No answer within 300 ms.",
      errorMessage: { key: "errors.webhooks.delivery.noAnswer", params: { ms: 300 } },
    });
    expect(d!.attemptLog[0]!.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it("checks the address again when it sends: a loopback receiver is refused without WEBHOOK_ALLOW_PRIVATE", async () => {
    await hook();
    await insertJob({ createdById: actor.id, tasks: { a: "succeeded" } });
    await worker({ allowPrivate: false }).runOnce();
    const [d] = await logged();
    expect(d!.attemptLog[0]!.error).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(d!.attemptLog[0]!.errorMessage).toMatchObject({ key: "errors.webhooks.url.notPublic", params: { problem: { key: "errors.webhooks.url.loopback" } } });
    expect(receiver.requests).toHaveLength(0);
  });

  it("takes over a delivery whose worker stopped mid-send once its lease expires", async () => {
    await hook();
    await insertJob({ createdById: actor.id, tasks: { a: "succeeded" } });
    await db().webhookDelivery.updateMany({ data: { status: "delivering", leaseOwner: "gone", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    expect(await worker().runOnce()).toBe(0);
    await db().webhookDelivery.updateMany({ data: { leaseExpiresAt: new Date(Date.now() - 1) } });
    expect(await worker().runOnce()).toBe(1);
    expect((await deliveries())[0]).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("two workers racing over many deliveries send each exactly once", async () => {
    await hook();
    for (let i = 0; i < 12; i++) await insertJob({ createdById: actor.id, tasks: { a: "succeeded" } });
    const a = worker({ batchSize: 5 });
    const b = worker({ batchSize: 5 });
    for (let round = 0; round < 6; round++) await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    const ids = receiver.requests.map((r) => r.headers["x-swr-sync-delivery"]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(await db().webhookDeliveryAttempt.count()).toBe(12);
  });

  it("opens a secret sealed under the previous key and seals it again under the current one", async () => {
    const oldKey = KEY;
    const newKey = randomBytes(32).toString("base64");
    const w = await hook();
    await insertJob({ createdById: actor.id, tasks: { a: "succeeded" } });
    const rotated = createSecretBox(newKey, oldKey);
    await drain(worker({}, rotated));
    expect(receiver.requests[0]!.verified).toBe(true);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: w.id } })).secretKeyId).toBe(rotated.keyId);
  });

  it("without the key a signed webhook's attempt fails with the reason, sending nothing", async () => {
    await hook();
    await insertJob({ createdById: actor.id, tasks: { a: "succeeded" } });
    await createWebhookWorker({ db: db(), config: config(), box: null, log: quiet }).runOnce();
    expect((await logged())[0]!.attemptLog[0]).toMatchObject({
      error: "APP_ENCRYPTION_KEY is not set, so the webhook's secret cannot be read.",
      errorMessage: { key: "errors.webhooks.delivery.noKey" },
    });
    expect(receiver.requests).toHaveLength(0);
  });
});

describe("nextAttemptAt", () => {
  it.each([
    [1, 60_000],
    [2, 300_000],
    [4, 900_000],
    [5, null],
  ])("after %i failed attempts waits %s ms", (attempts, wait) => {
    const now = new Date(0);
    expect(nextAttemptAt(attempts, [60_000, 300_000, 600_000, 900_000], now)?.getTime() ?? null).toBe(wait);
  });
});
