import { z } from "zod";
import { roleSchema } from "@/lib/auth/role-schema";
import { TOKEN_DAYS_MAX, TOKEN_NAME_MAX } from "./limits";

// Inputs of the tokens API (docs/api.md "API tokens"). Pure; the settings page checks with the limits in limits.ts.
// Custom messages are catalog keys (messages/*/errors.json), see lib/validation/issue-messages.ts.

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
