import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { textIn } from "@/i18n/catalog-text";
import { msg } from "@/i18n/message";
import type { WebhookDelivery, WebhookDeliveryAttempt } from "@/prisma/generated/postgres/client";
import { errorFields } from "./delivery-error";
import { deliveryDtoSchema, type DeliveryDto } from "./dto";
import { queueDelivery } from "./enqueue";
import { TEST_EVENT } from "./events";
import { languageOf, requireWebhook } from "./store";

// The delivery log of a webhook, and "Send test": a delivery like any other, sent by the worker and logged.

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toDeliveryDto(row: WebhookDelivery & { attemptLog: WebhookDeliveryAttempt[] }): DeliveryDto {
  const last = errorFields(row.lastError);
  return deliveryDtoSchema.parse({
    id: row.id,
    event: row.event,
    jobId: row.jobId,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "queued" ? iso(row.nextAttemptAt) : null,
    lastStatusCode: row.lastStatusCode,
    lastLatencyMs: row.lastLatencyMs,
    lastError: last.text,
    lastErrorMessage: last.message,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: iso(row.deliveredAt),
    attemptLog: row.attemptLog
      .sort((a, b) => a.number - b.number)
      .map((a) => {
        const error = errorFields(a.error);
        return { number: a.number, at: a.at.toISOString(), ok: a.ok, statusCode: a.statusCode, latencyMs: a.latencyMs, error: error.text, errorMessage: error.message };
      }),
  });
}

/** The webhook's newest deliveries first, each with its attempts. */
export async function listDeliveries(webhookId: string, limit = 50): Promise<DeliveryDto[]> {
  await requireWebhook(webhookId);
  const rows = await db().webhookDelivery.findMany({
    where: { webhookId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { attemptLog: true },
  });
  return rows.map(toDeliveryDto);
}

/** Queues a `test` delivery for the webhook (even a disabled one); the worker sends it on its next pass. */
export async function sendTestDelivery(webhookId: string, now = new Date()): Promise<DeliveryDto> {
  const webhook = await requireWebhook(webhookId);
  const eventKey = `${TEST_EVENT}:${randomUUID()}`;
  await db().$transaction((tx) =>
    queueDelivery(
      tx,
      {
        webhookId,
        event: TEST_EVENT,
        eventKey,
        jobId: null,
        payload: { event: TEST_EVENT, occurredAt: now.toISOString(), webhook: { id: webhook.id, name: webhook.name }, message: textIn(languageOf(webhook), msg("webhookCards.testMessage")) },
      },
      now,
    ),
  );
  const row = await db().webhookDelivery.findUniqueOrThrow({ where: { webhookId_eventKey: { webhookId, eventKey } }, include: { attemptLog: true } });
  return toDeliveryDto(row);
}
