import { Counter, Histogram, type Metric } from "prom-client";
import { SWR_OPERATION_NAMES } from "@/lib/swr/operation-names";

// The series that code all over the app feeds (SWR calls, engine rounds, leases), one set per process.
// No server-only marker: lib/swr and lib/sync import this, and scripts (bench, demo) run them outside Next.

/** The operations lib/swr calls; anything else is "other", so label values stay bounded. */
export const SWR_OPERATIONS = SWR_OPERATION_NAMES;

export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx", "network", "timeout"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export const THROTTLE_REASONS = ["429", "busy"] as const;
export type ThrottleReason = (typeof THROTTLE_REASONS)[number];

const REGION_ID = /^[a-z]{2}-[a-z]+-\d{1,2}$/;

export function operationLabel(operation: string): string {
  return (SWR_OPERATIONS as readonly string[]).includes(operation) ? operation : "other";
}

export function regionLabel(region: string): string {
  return REGION_ID.test(region) ? region : "other";
}

/** What became of one webhook delivery attempt: sent, failed to be tried again, or failed for good. */
export const WEBHOOK_DELIVERY_OUTCOMES = ["succeeded", "retrying", "failed"] as const;
export type WebhookDeliveryOutcome = (typeof WEBHOOK_DELIVERY_OUTCOMES)[number];

export interface ProcessMetrics {
  swrRequests: Counter<"operation" | "region" | "status_class">;
  swrDuration: Histogram<"operation" | "region">;
  swrRetries: Counter<"operation" | "region">;
  swrThrottles: Counter<"operation" | "region" | "reason">;
  roundDuration: Histogram<"outcome">;
  leaseTakeovers: Counter;
  webhookDeliveries: Counter<"outcome">;
}

function create(): ProcessMetrics {
  // Registered by createMetricsRegistry(), not here: tests build registries of their own around the same series.
  const registers: [] = [];
  return {
    swrRequests: new Counter({
      name: "swr_sync_swr_requests_total",
      help: "HTTP exchanges with SWR and IAM (each attempt), by operation, region and status class (2xx…5xx, network, timeout).",
      labelNames: ["operation", "region", "status_class"],
      registers,
    }),
    swrDuration: new Histogram({
      name: "swr_sync_swr_request_duration_seconds",
      help: "Time of one HTTP exchange with SWR or IAM, answer or failure, by operation and region.",
      labelNames: ["operation", "region"],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers,
    }),
    swrRetries: new Counter({
      name: "swr_sync_swr_retries_total",
      help: "SWR and IAM calls sent again by the client after a retryable failure (429, busy, 5xx, network, timeout).",
      labelNames: ["operation", "region"],
      registers,
    }),
    swrThrottles: new Counter({
      name: "swr_sync_swr_throttles_total",
      help: "SWR answers that said to slow down: HTTP 429, or SWR busy with a conflicting operation.",
      labelNames: ["operation", "region", "reason"],
      registers,
    }),
    roundDuration: new Histogram({
      name: "swr_sync_engine_round_duration_seconds",
      help: "Time of one engine round of one job (submit what is due, read SWR's records, check targets), by outcome.",
      labelNames: ["outcome"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    leaseTakeovers: new Counter({
      name: "swr_sync_engine_lease_takeovers_total",
      help: "Jobs this process claimed whose lease had expired under another engine instance.",
      registers,
    }),
    webhookDeliveries: webhookDeliveriesCounter(registers),
  };
}

function webhookDeliveriesCounter(registers: []): Counter<"outcome"> {
  const counter = new Counter({
    name: "swr_sync_webhook_deliveries_total",
    help: "Webhook delivery attempts of this process by outcome: succeeded, retrying (failed, to be tried again), failed (gave up).",
    labelNames: ["outcome"],
    registers,
  });
  for (const outcome of WEBHOOK_DELIVERY_OUTCOMES) counter.inc({ outcome }, 0);
  return counter;
}

// On globalThis: Next bundles the engine (instrumentation) and the route handlers apart, each with its own module copies.
const holder = globalThis as typeof globalThis & { swrSyncProcessMetrics?: ProcessMetrics };

export function processMetrics(): ProcessMetrics {
  holder.swrSyncProcessMetrics ??= create();
  return holder.swrSyncProcessMetrics;
}

/** Every series of processMetrics(), to register with a registry. */
export function processMetricList(): Metric[] {
  return Object.values(processMetrics());
}
