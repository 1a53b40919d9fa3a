import "server-only";
import type { Counter } from "prom-client";
import { processMetrics, WEBHOOK_DELIVERY_OUTCOMES, type WebhookDeliveryOutcome } from "@/lib/metrics/process-metrics";

// Webhook deliveries on /api/metrics: one count per finished attempt, by outcome (a series of the process, so the
// worker in the server's start-up bundle and the metrics route see the same counter).

export const DELIVERY_OUTCOMES = WEBHOOK_DELIVERY_OUTCOMES;
export type DeliveryOutcome = WebhookDeliveryOutcome;

export function webhookDeliveriesCounter(): Counter<"outcome"> {
  return processMetrics().webhookDeliveries;
}
