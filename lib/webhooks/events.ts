import { LOCALES, type Locale } from "@/i18n/config";

// The webhook vocabulary shared by the server and the browser: events, formats, languages, delivery states, the
// secret's least length. Pure and free of zod, so the admin form may import it.

export const SECRET_MIN_LENGTH = 16;

export const WEBHOOK_EVENTS = ["job.succeeded", "job.failed", "job.kept", "job.cancelled"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What "Send test" delivers; nobody subscribes to it. */
export const TEST_EVENT = "test";
export type DeliveryEvent = WebhookEvent | typeof TEST_EVENT;

export const WEBHOOK_FORMATS = ["generic", "wecom", "dingtalk", "feishu", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The language a webhook's chat cards and test message are written in: any of the app's. */
export const WEBHOOK_LANGUAGES = LOCALES;
export type WebhookLanguage = Locale;

export const DELIVERY_STATUSES = ["queued", "delivering", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The outcome of a job that has just finished, as far as the events need it. */
export interface JobOutcome {
  status: string;
  failed: number;
  /** Tags left in place because the target held another image and override was off. */
  kept: number;
}

/**
 * The events a finished job fires: one for its status (partially failed and failed are both `job.failed`),
 * plus `job.kept` when some tags were kept. A status that is not final fires nothing.
 */
export function eventsForOutcome(outcome: JobOutcome): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  if (outcome.status === "succeeded") events.push("job.succeeded");
  else if (outcome.status === "failed" || outcome.status === "partially_failed") events.push("job.failed");
  else if (outcome.status === "cancelled") events.push("job.cancelled");
  else return [];
  if (outcome.kept > 0) events.push("job.kept");
  return events;
}
