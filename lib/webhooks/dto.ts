import { z } from "zod";
import { messageSchema } from "@/i18n/message-schema";
import { DELIVERY_STATUSES, TEST_EVENT, WEBHOOK_EVENTS, WEBHOOK_FORMATS, WEBHOOK_LANGUAGES } from "./events";

// What the webhooks API answers and what a webhook receives: one set of schemas for the routes and the docs, whose types the browser reads.

const isoTime = z.iso.datetime();

export const webhookDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  /** The language of the chat cards and of the test message. */
  language: z.enum(WEBHOOK_LANGUAGES),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  enabled: z.boolean(),
  /** Whether a secret is set; the secret itself never leaves the server. */
  secretSet: z.boolean(),
  createdByEmail: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type WebhookDto = z.infer<typeof webhookDtoSchema>;

export const deliveryAttemptDtoSchema = z.object({
  number: z.number().int(),
  at: isoTime,
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  /** Why the attempt failed, in English; `errorMessage` is the same as a message of the catalogs. */
  error: z.string().nullable(),
  errorMessage: messageSchema.nullable(),
});

export const deliveryDtoSchema = z.object({
  id: z.string(),
  event: z.union([z.enum(WEBHOOK_EVENTS), z.literal(TEST_EVENT)]),
  jobId: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: isoTime.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastErrorMessage: messageSchema.nullable(),
  createdAt: isoTime,
  deliveredAt: isoTime.nullable(),
  attemptLog: z.array(deliveryAttemptDtoSchema),
});
export type DeliveryDto = z.infer<typeof deliveryDtoSchema>;

export const webhooksAnswerSchema = z.object({ webhooks: z.array(webhookDtoSchema) });
export const webhookAnswerSchema = z.object({ webhook: webhookDtoSchema });
export const deliveriesAnswerSchema = z.object({ deliveries: z.array(deliveryDtoSchema) });
export const deliveryAnswerSchema = z.object({ delivery: deliveryDtoSchema });
export type WebhooksAnswer = z.infer<typeof webhooksAnswerSchema>;
export type WebhookAnswer = z.infer<typeof webhookAnswerSchema>;
export type DeliveriesAnswer = z.infer<typeof deliveriesAnswerSchema>;
export type DeliveryAnswer = z.infer<typeof deliveryAnswerSchema>;

/** The job part of an event: what a receiver needs to say what happened and link to it. */
export const jobEventJobSchema = z.object({
  id: z.string(),
  /** The job's page in the dashboard; null when NEXTAUTH_URL is not set (the server does not know its address). */
  url: z.string().nullable(),
  status: z.string(),
  attempt: z.number().int(),
  /** The job's first repository and first target; a job over several says how many, and lists its targets. */
  source: z.object({ region: z.string(), namespace: z.string(), repository: z.string() }),
  target: z.object({ region: z.string(), namespace: z.string() }),
  repositoryCount: z.number().int().positive().optional(),
  targets: z.array(z.object({ region: z.string(), namespace: z.string() })).optional(),
  counts: z.object({ total: z.number().int(), succeeded: z.number().int(), failed: z.number().int(), cancelled: z.number().int(), kept: z.number().int() }),
  startedBy: z.string().nullable(),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
});

/** The generic JSON body, stored with each delivery; the chat formats are rendered from it when sent. */
export const eventPayloadSchema = z.discriminatedUnion("event", [
  z.object({ event: z.enum(WEBHOOK_EVENTS), occurredAt: isoTime, job: jobEventJobSchema }),
  z.object({ event: z.literal(TEST_EVENT), occurredAt: isoTime, webhook: z.object({ id: z.string(), name: z.string() }), message: z.string() }),
]);
export type EventPayload = z.infer<typeof eventPayloadSchema>;
export type JobEventPayload = Extract<EventPayload, { job: unknown }>;
