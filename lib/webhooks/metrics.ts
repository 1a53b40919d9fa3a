import "server-only";
import { Counter } from "prom-client";
import { metricsRegistry } from "@/lib/metrics/registry";

// Webhook deliveries on the shared /api/metrics registry: one count per finished attempt, by outcome.

export const DELIVERY_OUTCOMES = ["succeeded", "retrying", "failed"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

const NAME = "swr_sync_webhook_deliveries_total";

/** The counter, registered once per registry (hot reload finds the one already there); its series start at 0. */
export function webhookDeliveriesCounter(): Counter<"outcome"> {
  const registry = metricsRegistry();
  const existing = registry.getSingleMetric(NAME);
  if (existing) return existing as Counter<"outcome">;
  const counter = new Counter({
    name: NAME,
    help: "Webhook delivery attempts of this process by outcome: succeeded, retrying (failed, to be tried again), failed (gave up).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  for (const outcome of DELIVERY_OUTCOMES) counter.inc({ outcome }, 0);
  return counter;
}
