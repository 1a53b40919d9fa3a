import {
  deliveriesAnswerSchema,
  deliveryAnswerSchema,
  webhookAnswerSchema,
  webhooksAnswerSchema,
} from "@/lib/webhooks/dto";
import {
  createWebhookSchema,
  deliveriesQuerySchema,
  updateWebhookSchema,
  webhookIdParamsSchema,
} from "@/lib/webhooks/schemas";
import {
  CREATE_WEBHOOK_EXAMPLES,
  DELIVERIES_EXAMPLES,
  DELIVERY_EXAMPLES,
  UPDATE_WEBHOOK_EXAMPLES,
  WEBHOOK_EXAMPLES,
  WEBHOOKS_EXAMPLES,
} from "../examples";
import type { Operation } from "../operation";

// Webhooks (docs/api.md "Webhooks"): admins send job outcomes to other services, and read each delivery's attempts.

const SECRET_LINE =
  "The secret is write-only: it is stored encrypted under the server's `APP_ENCRYPTION_KEY` and never answered (`secretSet` says whether one is set).";
const URL_LINE =
  "A URL that is not `http(s)://`, holds credentials, does not resolve, or reaches a loopback, private, link-local, metadata or other special-purpose address answers 400 `validation_failed` with the reason in `fields.url` (unless the server sets `WEBHOOK_ALLOW_PRIVATE=true`, which lifts the address rule).";
const KEY_LINE =
  "Without `APP_ENCRYPTION_KEY` in the server's environment this answers 422 `unprocessable` saying so.";

const webhookAnswer = { schema: webhookAnswerSchema, name: "WebhookAnswer", examples: WEBHOOK_EXAMPLES };
const idNote = { id: "The webhook's ID." };

export const WEBHOOK_OPERATIONS: Operation[] = [
  {
    id: "listWebhooks",
    method: "get",
    path: "/api/webhooks",
    summary: "List webhooks",
    description: "Every webhook, oldest first, without secrets.",
    tag: "Webhooks",
    access: "admin",
    responses: [
      {
        status: 200,
        description: "The webhooks.",
        json: { schema: webhooksAnswerSchema, name: "WebhooksAnswer", examples: WEBHOOKS_EXAMPLES },
      },
    ],
  },
  {
    id: "createWebhook",
    method: "post",
    path: "/api/webhooks",
    summary: "Add a webhook",
    description: [
      "Send the chosen job events to a URL: our own JSON (`generic`, signed with `X-SWR-Sync-Signature` when a secret is set) or a chat robot's card (`wecom`, `dingtalk`, `feishu`, `slack`).",
      SECRET_LINE,
      URL_LINE,
      `${KEY_LINE} (even without a secret: one may be added later).`,
    ].join("\n\n"),
    tag: "Webhooks",
    access: "admin",
    body: { schema: createWebhookSchema, name: "CreateWebhookRequest", examples: CREATE_WEBHOOK_EXAMPLES },
    responses: [{ status: 201, description: "The webhook was added.", json: webhookAnswer }],
    errors: [422],
  },
  {
    id: "getWebhook",
    method: "get",
    path: "/api/webhooks/{id}",
    summary: "Get a webhook",
    description: "One webhook, without its secret.",
    tag: "Webhooks",
    access: "admin",
    params: webhookIdParamsSchema,
    notes: idNote,
    responses: [{ status: 200, description: "The webhook.", json: webhookAnswer }],
    errors: [404],
  },
  {
    id: "updateWebhook",
    method: "patch",
    path: "/api/webhooks/{id}",
    summary: "Change a webhook",
    description: [
      "Only the fields sent change (at least one). `secret` replaces the secret; `secret: null` removes it, and deliveries are no longer signed.",
      SECRET_LINE,
      URL_LINE,
      `When a new secret is sent: ${KEY_LINE}`,
    ].join("\n\n"),
    tag: "Webhooks",
    access: "admin",
    params: webhookIdParamsSchema,
    body: { schema: updateWebhookSchema, name: "UpdateWebhookRequest", examples: UPDATE_WEBHOOK_EXAMPLES },
    notes: idNote,
    responses: [{ status: 200, description: "The webhook as stored after the change.", json: webhookAnswer }],
    errors: [404, 422],
  },
  {
    id: "deleteWebhook",
    method: "delete",
    path: "/api/webhooks/{id}",
    summary: "Delete a webhook",
    description: "Removes the webhook with its delivery log; deliveries not yet sent are dropped with it.",
    tag: "Webhooks",
    access: "admin",
    params: webhookIdParamsSchema,
    notes: idNote,
    responses: [{ status: 204, description: "The webhook was deleted; no body." }],
    errors: [404],
  },
  {
    id: "testWebhook",
    method: "post",
    path: "/api/webhooks/{id}/test",
    summary: "Send a test event",
    description:
      "Queues a `test` event for the webhook (even a disabled one). The worker sends it like any other delivery, with retries; follow it in the delivery log.",
    tag: "Webhooks",
    access: "admin",
    params: webhookIdParamsSchema,
    notes: idNote,
    responses: [
      {
        status: 202,
        description: "The test delivery, queued.",
        json: { schema: deliveryAnswerSchema, name: "DeliveryAnswer", examples: DELIVERY_EXAMPLES },
      },
    ],
    errors: [404],
  },
  {
    id: "listWebhookDeliveries",
    method: "get",
    path: "/api/webhooks/{id}/deliveries",
    summary: "List a webhook's deliveries",
    description:
      "The delivery log, newest first: each delivery's status (`queued` → `delivering` → `succeeded` | `failed`) and every attempt with its HTTP status, latency and error.",
    tag: "Webhooks",
    access: "admin",
    params: webhookIdParamsSchema,
    query: deliveriesQuerySchema,
    notes: { ...idNote, limit: "How many deliveries, newest first." },
    responses: [
      {
        status: 200,
        description: "The newest deliveries.",
        json: { schema: deliveriesAnswerSchema, name: "DeliveriesAnswer", examples: DELIVERIES_EXAMPLES },
      },
    ],
    errors: [404],
  },
];
