import { apiErrorOf, getJson, sendJson } from "@/lib/query/api-client";
import {
  deliveriesAnswerSchema,
  deliveryAnswerSchema,
  webhookAnswerSchema,
  webhooksAnswerSchema,
  type DeliveryDto,
  type WebhookDto,
} from "@/lib/webhooks/dto";
import type { WebhookEvent, WebhookFormat } from "@/lib/webhooks/events";

// The webhooks API as the admin page sees it (docs/api.md "Webhooks"); answers parsed with the server's own schemas.

export interface WebhookInput {
  name: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
  enabled: boolean;
  /** undefined keeps the secret, null removes it. */
  secret?: string | null;
}

const path = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;

export async function fetchWebhooks(signal?: AbortSignal): Promise<WebhookDto[]> {
  return (await getJson("/api/webhooks", webhooksAnswerSchema, signal)).webhooks;
}

export async function createWebhook(input: WebhookInput): Promise<WebhookDto> {
  return (await sendJson("POST", "/api/webhooks", input, webhookAnswerSchema)).webhook;
}

export async function updateWebhook(id: string, input: Partial<WebhookInput>): Promise<WebhookDto> {
  return (await sendJson("PATCH", path(id), input, webhookAnswerSchema)).webhook;
}

export async function deleteWebhook(id: string): Promise<void> {
  const response = await fetch(path(id), { method: "DELETE", headers: { Accept: "application/json" } });
  if (!response.ok) throw await apiErrorOf(response);
}

export async function sendTestDelivery(id: string): Promise<DeliveryDto> {
  return (await sendJson("POST", `${path(id)}/test`, {}, deliveryAnswerSchema)).delivery;
}

export async function fetchDeliveries(id: string, signal?: AbortSignal): Promise<DeliveryDto[]> {
  return (await getJson(`${path(id)}/deliveries`, deliveriesAnswerSchema, signal)).deliveries;
}
