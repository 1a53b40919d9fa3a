import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

// Inputs of the tokens API (docs/api.md "API tokens"). Pure, so the settings page validates with them too.
// Custom messages are catalog keys (messages/*/errors.json), see lib/validation/issue-messages.ts.

export const TOKEN_NAME_MAX = 100;
export const TOKEN_DAYS_MAX = 365;
export const TOKEN_DAYS_DEFAULT = 90;
/** The expiries the settings page offers; the API takes any whole number of days from 1 to TOKEN_DAYS_MAX. */
export const TOKEN_DAYS_CHOICES = [7, 30, 90, 180, 365] as const;

// Every field required: a token's power and lifetime are chosen, never defaulted by the server.
export const createTokenSchema = z
  .object({
    name: z.string().max(TOKEN_NAME_MAX, { abort: true }).trim().min(1, "errors.tokens.giveName"),
    expiresInDays: z
      .number("errors.tokens.wholeDays")
      .int("errors.tokens.wholeDays")
      .min(1, "errors.tokens.daysMin")
      .max(TOKEN_DAYS_MAX, "errors.tokens.daysMax"),
    role: roleSchema,
  })
  .strict();
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const tokenIdParamsSchema = z.object({
  id: z.string().min(1).max(64, { abort: true }).regex(/^[A-Za-z0-9_-]+$/, "errors.tokens.idInvalid"),
});
