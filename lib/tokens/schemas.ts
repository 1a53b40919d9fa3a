import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

// Inputs of the tokens API (docs/api.md "API tokens"). Pure, so the settings page validates with them too.

export const TOKEN_NAME_MAX = 100;
export const TOKEN_DAYS_MAX = 365;
export const TOKEN_DAYS_DEFAULT = 90;
/** The expiries the settings page offers; the API takes any whole number of days from 1 to TOKEN_DAYS_MAX. */
export const TOKEN_DAYS_CHOICES = [7, 30, 90, 180, 365] as const;

// Every field required: a token's power and lifetime are chosen, never defaulted by the server.
export const createTokenSchema = z
  .object({
    name: z.string().max(TOKEN_NAME_MAX, { message: `Use at most ${TOKEN_NAME_MAX} characters.`, abort: true }).trim().min(1, "Give the token a name."),
    expiresInDays: z
      .number("must be a whole number of days")
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(TOKEN_DAYS_MAX, `must be at most ${TOKEN_DAYS_MAX} days`),
    role: roleSchema,
  })
  .strict();
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const tokenIdParamsSchema = z.object({
  id: z.string().min(1).max(64, { abort: true }).regex(/^[A-Za-z0-9_-]+$/, "is not a token ID this API handed out"),
});
