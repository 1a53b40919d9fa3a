import { z } from "zod";
import { roleSchema } from "@/lib/auth/role-schema";
import { TOKEN_DAYS_MAX, TOKEN_NAME_MAX } from "./limits";

// Inputs of the tokens API (docs/api.md "API tokens"). Pure; the settings page checks with the limits in limits.ts.

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
