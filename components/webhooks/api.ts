import { apiErrorOf, getJson, sendJson } from "@/lib/query/api-client";
import type { DeliveryDto, WebhookDto, WebhookAnswer, WebhooksAnswer, DeliveriesAnswer, DeliveryAnswer } from "@/lib/webhooks/dto";
import type { WebhookEvent, WebhookFormat, WebhookLanguage } from "@/lib/webhooks/events";

// The webhooks API as the admin page sees it (docs/api.md "Webhooks"); answers are typed by the server's own DTOs.

export interface WebhookInput {
  name: string;
  url: string;
  format: WebhookFormat;
  language: WebhookLanguage;
  events: WebhookEvent[];
  enabled: boolean;
  /** undefined keeps the secret, null removes it. */
  secret?: string | null;
}

const path = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;

export async function fetchWebhooks(signal?: AbortSignal): Promise<WebhookDto[]> {
  return (await getJson<WebhooksAnswer>("/api/webhooks", signal)).webhooks;
}

export async function createWebhook(input: WebhookInput): Promise<WebhookDto> {
  return (await sendJson<WebhookAnswer>("POST", "/api/webhooks", input)).webhook;
}

export async function updateWebhook(id: string, input: Partial<WebhookInput>): Promise<WebhookDto> {
  return (await sendJson<WebhookAnswer>("PATCH", path(id), input)).webhook;
}

export async function deleteWebhook(id: string): Promise<void> {
  const response = await fetch(path(id), { method: "DELETE", headers: { Accept: "application/json" } });
  if (!response.ok) throw await apiErrorOf(response);
}

export async function sendTestDelivery(id: string): Promise<DeliveryDto> {
  return (await sendJson<DeliveryAnswer>("POST", `${path(id)}/test`, {})).delivery;
}

export async function fetchDeliveries(id: string, signal?: AbortSignal): Promise<DeliveryDto[]> {
  return (await getJson<DeliveriesAnswer>(`${path(id)}/deliveries`, signal)).deliveries;
}
