import { z } from "zod";
import { SECRET_MIN_LENGTH, WEBHOOK_EVENTS, WEBHOOK_FORMATS, WEBHOOK_LANGUAGES } from "./events";

// Inputs of the webhooks API (docs/api.md "Webhooks"). Pure.
// The URL's scheme and address are checked by the store (address-guard.ts), which needs DNS. Custom messages are catalog keys.

const nameSchema = z.string().max(100, { abort: true }).trim().min(1, "errors.webhooks.giveName");
const urlSchema = z.string().max(2000, { abort: true }).trim().min(1, "errors.webhooks.enterUrl");
const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, "errors.webhooks.chooseEvent")
  .max(WEBHOOK_EVENTS.length * 2, { abort: true })
  .transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e)));
const languageSchema = z.enum(WEBHOOK_LANGUAGES).meta({ description: "The language of the chat cards and of the test message." });
const secretSchema = z.string().min(SECRET_MIN_LENGTH).max(256);
/** Marks the secret write-only in the API document: answers only say whether one is set (`secretSet`). */
const writeOnly = (description: string) => ({ writeOnly: true, description });

export const createWebhookSchema = z
  .object({
    name: nameSchema,
    url: urlSchema,
    format: z.enum(WEBHOOK_FORMATS).default("generic"),
    language: languageSchema.default("en"),
    events: eventsSchema,
    secret: secretSchema.optional().meta(writeOnly("Signs every delivery (HMAC-SHA256); stored encrypted, never answered.")),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;

/** A change: only the given fields; `secret: null` removes the secret, a string replaces it. */
export const updateWebhookSchema = z
  .object({
    name: nameSchema.optional(),
    url: urlSchema.optional(),
    format: z.enum(WEBHOOK_FORMATS).optional(),
    language: languageSchema.optional(),
    events: eventsSchema.optional(),
    secret: secretSchema
      .nullable()
      .optional()
      .meta(writeOnly("A new secret replaces the old one; null removes it (deliveries are no longer signed). Never answered.")),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { message: "errors.webhooks.changeSomething" });
export type UpdateWebhookInput = z.output<typeof updateWebhookSchema>;

export const webhookIdParamsSchema = z.object({
  id: z.string().min(1).max(64, { abort: true }).regex(/^[A-Za-z0-9_-]+$/, "errors.webhooks.idInvalid"),
});

export const deliveriesQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(50) })
  .strict();
