import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { english } from "@/i18n/english";
import { msg } from "@/i18n/message";
import type { Db } from "@/lib/db/create-client";
import { logger } from "@/lib/log";
import type { Env } from "@/lib/env";
import type { Prisma, Webhook, WebhookDelivery } from "@/prisma/generated/postgres/client";
import type { LookupAll } from "./address-guard";
import { deliveryFailure, storedError } from "./delivery-error";
import { eventPayloadSchema } from "./dto";
import { TEST_EVENT } from "./events";
import { acceptedBy, renderDelivery } from "./formats";
import { webhookDeliveriesCounter, type DeliveryOutcome } from "./metrics";
import { type SecretBox, SecretBoxError } from "./secret-box";
import { sendWebhook, type SendResult } from "./send";
import { DELIVERY_HEADER, EVENT_HEADER, signatureHeaders, TIMESTAMP_HEADER } from "./signing";
import { formatOf, languageOf, sealedSecretOf } from "./store";

// The delivery worker: claims due deliveries with a conditional update (a lease), sends each, records the attempt,
// and schedules the next try or gives up. Everything it knows is in the database, so a restart or another
// instance carries on where it stopped, and a delivery is only ever held by one worker at a time.

export interface WebhookWorkerConfig {
  pollMs: number;
  timeoutMs: number;
  /** Waits before the 2nd, 3rd … attempt; attempts stop after retryDelaysMs.length + 1. */
  retryDelaysMs: number[];
  allowPrivate: boolean;
  /** Deliveries sent at once per pass. */
  batchSize: number;
}

export function webhookWorkerConfigFromEnv(e: Env): WebhookWorkerConfig {
  return { pollMs: e.WEBHOOK_POLL_MS, timeoutMs: e.WEBHOOK_TIMEOUT_MS, retryDelaysMs: e.WEBHOOK_RETRY_DELAYS_MS, allowPrivate: e.WEBHOOK_ALLOW_PRIVATE, batchSize: 10 };
}

export interface WebhookWorkerOptions {
  db: Db;
  config: WebhookWorkerConfig;
  /** null when APP_ENCRYPTION_KEY is not set: webhooks with a secret then fail their attempts with that reason. */
  box: SecretBox | null;
  id?: string;
  lookup?: LookupAll;
  now?: () => Date;
  log?: { info(message: string): void; error(message: string): void };
}

export interface WebhookWorker {
  readonly id: string;
  readonly running: boolean;
  /** One pass: claims and sends what is due; resolves to the number of attempts made. */
  runOnce(): Promise<number>;
  start(): void;
  stop(graceMs?: number): Promise<void>;
}

type Claimed = WebhookDelivery & { webhook: Webhook };

/** When the next attempt is due after `attempts` failed ones, or null when the delivery gives up. */
export function nextAttemptAt(attempts: number, delaysMs: readonly number[], now: Date): Date | null {
  const wait = delaysMs[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

function dueWhere(now: Date): Prisma.WebhookDeliveryWhereInput {
  return {
    OR: [
      { status: "queued", nextAttemptAt: { lte: now } },
      // Its worker stopped mid-send: the attempt is made again.
      { status: "delivering", leaseExpiresAt: { lt: now } },
    ],
    AND: [{ OR: [{ webhook: { enabled: true } }, { event: TEST_EVENT }] }],
  };
}

export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, config, box } = options;
  const id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? logger("webhooks").child({ instance: id });
  // A claim outlives the longest send with room for the bookkeeping around it.
  const leaseMs = config.timeoutMs + 30_000;
  const counter = webhookDeliveriesCounter();
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> | undefined;

  async function claim(): Promise<Claimed[]> {
    const at = now();
    const due = await db.webhookDelivery.findMany({ where: dueWhere(at), orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }], take: config.batchSize, select: { id: true } });
    const mine: string[] = [];
    for (const { id: deliveryId } of due) {
      const { count } = await db.webhookDelivery.updateMany({
        where: { id: deliveryId, ...dueWhere(at) },
        data: { status: "delivering", leaseOwner: id, leaseExpiresAt: new Date(at.getTime() + leaseMs) },
      });
      if (count === 1) mine.push(deliveryId);
    }
    if (mine.length === 0) return [];
    return db.webhookDelivery.findMany({ where: { id: { in: mine }, leaseOwner: id }, include: { webhook: true } });
  }

  /** The webhook's secret in clear, sealing it again under the current key when an older one opened it. */
  async function secretOf(webhook: Webhook): Promise<string | null> {
    const sealed = sealedSecretOf(webhook);
    if (!sealed) return null;
    if (!box) throw new SecretBoxError(msg("errors.webhooks.delivery.noKey"));
    const secret = box.open(sealed);
    if (sealed.keyId !== box.keyId) {
      const again = box.seal(secret);
      await db.webhook.updateMany({
        where: { id: webhook.id, secretKeyId: sealed.keyId },
        data: { secretCiphertext: again.ciphertext, secretIv: again.iv, secretTag: again.tag, secretKeyId: again.keyId },
      });
    }
    return secret;
  }

  async function attempt(d: Claimed): Promise<SendResult & { ok: boolean }> {
    const sentAt = now();
    try {
      const secret = await secretOf(d.webhook);
      const payload = eventPayloadSchema.parse(JSON.parse(d.payload));
      const format = formatOf(d.webhook);
      const rendered = renderDelivery({ format, language: languageOf(d.webhook) }, payload, d.webhook.url, secret, sentAt);
      const headers: Record<string, string> = secret
        ? signatureHeaders(secret, rendered.body, sentAt)
        : { [TIMESTAMP_HEADER]: String(Math.floor(sentAt.getTime() / 1000)) };
      headers[EVENT_HEADER] = d.event;
      headers[DELIVERY_HEADER] = d.id;
      const result = await sendWebhook({ url: rendered.url, body: rendered.body, headers, timeoutMs: config.timeoutMs, allowPrivate: config.allowPrivate, lookup: options.lookup });
      if (result.statusCode === null) return { ...result, ok: false };
      const verdict = acceptedBy(format, result.statusCode, result.body);
      return { ...result, ok: verdict.ok, error: verdict.error };
    } catch (error) {
      return { statusCode: null, body: "", latencyMs: 0, error: deliveryFailure(error), ok: false };
    }
  }

  async function deliver(d: Claimed): Promise<void> {
    const result = await attempt(d);
    const at = now();
    const number = d.attempts + 1;
    const retryAt = result.ok ? null : nextAttemptAt(number, config.retryDelaysMs, at);
    const outcome: DeliveryOutcome = result.ok ? "succeeded" : retryAt ? "retrying" : "failed";
    const error = storedError(result.error);
    const recorded = await db.$transaction(async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id: d.id, leaseOwner: id },
        data: {
          status: outcome === "retrying" ? "queued" : outcome,
          attempts: number,
          nextAttemptAt: retryAt,
          leaseOwner: null,
          leaseExpiresAt: null,
          lastStatusCode: result.statusCode,
          lastLatencyMs: result.latencyMs,
          lastError: error,
          ...(result.ok && { deliveredAt: at }),
        },
      });
      // Its lease ran out and another worker has it now: that worker records its own attempt.
      if (count === 0) return false;
      await tx.webhookDeliveryAttempt.create({
        data: { deliveryId: d.id, number, at, ok: result.ok, statusCode: result.statusCode, latencyMs: result.latencyMs, error },
      });
      return true;
    });
    if (!recorded) return;
    counter.inc({ outcome });
    const why = result.error ? english(result.error) : "refused";
    if (!result.ok) log.error(`delivery ${d.id} (${d.event}) to webhook "${d.webhook.name}" attempt ${number}: ${why}${retryAt ? `; next try at ${retryAt.toISOString()}` : "; giving up"}`);
  }

  async function pass(): Promise<number> {
    try {
      const claimed = await claim();
      await Promise.all(claimed.map((d) => deliver(d).catch((e: unknown) => log.error(`recording delivery ${d.id} failed: ${e instanceof Error ? e.message : String(e)}`))));
      return claimed.length;
    } catch (e) {
      log.error(`looking for due webhook deliveries failed: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    }
  }

  function runOnce(): Promise<number> {
    current = pass();
    return current;
  }

  function schedule(): void {
    if (!started) return;
    timer = setTimeout(() => void runOnce().finally(schedule), config.pollMs);
    timer.unref?.();
  }

  return {
    id,
    runOnce,
    get running() {
      return started;
    },
    start() {
      if (started) return;
      started = true;
      log.info(`webhook worker ${id} started (poll ${config.pollMs} ms, timeout ${config.timeoutMs} ms, ${config.retryDelaysMs.length + 1} attempts)`);
      schedule();
    },
    async stop(graceMs = 10_000) {
      started = false;
      clearTimeout(timer);
      if (!current) return;
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([current, new Promise((resolve) => (giveUp = setTimeout(resolve, graceMs)))]);
      clearTimeout(giveUp);
    },
  };
}
