import { z } from "zod";
import { roleSchema } from "@/lib/auth/role-schema";

// What the tokens API sends (docs/api.md "API tokens"): ONE set of schemas, used by the server to shape answers
// and by the settings page as types. Never the hash; the token text only in the answer to its creation.

const isoTime = z.string().min(1);

export const tokenDtoSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdAt: isoTime,
  expiresAt: isoTime,
  lastUsedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
});
export type TokenDto = z.infer<typeof tokenDtoSchema>;

/** GET /api/tokens — the caller's tokens that are not revoked, newest first (expired ones included). */
export const tokensAnswerSchema = z.object({ tokens: z.array(tokenDtoSchema) });
export type TokensAnswer = z.infer<typeof tokensAnswerSchema>;

/** POST /api/tokens — the new token and, this once, its text. */
export const createdTokenAnswerSchema = z.object({ token: tokenDtoSchema, secret: z.string().min(1) });
export type CreatedTokenAnswer = z.infer<typeof createdTokenAnswerSchema>;

/** DELETE /api/tokens/{id} — the token as stored after its revocation. */
export const tokenAnswerSchema = z.object({ token: tokenDtoSchema });
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;
