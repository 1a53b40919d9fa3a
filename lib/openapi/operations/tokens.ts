import { createdTokenAnswerSchema, tokenAnswerSchema, tokensAnswerSchema } from "@/lib/tokens/dto";
import { createTokenSchema, tokenIdParamsSchema } from "@/lib/tokens/schemas";
import {
  CREATE_TOKEN_EXAMPLES,
  CREATED_TOKEN_EXAMPLES,
  REVOKED_TOKEN_EXAMPLES,
  TOKENS_EXAMPLES,
} from "../examples";
import type { Operation } from "../operation";

// Personal API tokens (docs/api.md "API tokens"): each person's own, for scripts and pipelines.

export const TOKEN_OPERATIONS: Operation[] = [
  {
    id: "listTokens",
    method: "get",
    path: "/api/tokens",
    summary: "List your API tokens",
    description:
      "The caller's own tokens that are not revoked, newest first; expired ones stay listed until revoked. Never a token's text or its hash: `prefix` (its first 13 characters) tells them apart.",
    tag: "API tokens",
    access: "viewer",
    responses: [
      {
        status: 200,
        description: "The caller's tokens.",
        json: { schema: tokensAnswerSchema, name: "TokensAnswer", examples: TOKENS_EXAMPLES },
      },
    ],
  },
  {
    id: "createToken",
    method: "post",
    path: "/api/tokens",
    summary: "Create an API token",
    description:
      "A personal token to send as `Authorization: Bearer <token>`. Name, expiry (1–365 days) and role are all required; the role may be at most the caller's own (else 403). At every use the token acts with its role capped by its owner's current role. Tokens make no tokens: a request made with a bearer token answers 403, so a leaked token cannot mint one that outlives its revocation; create tokens signed in. The answer holds the token's text (`secret`) this once: it is stored only as a hash and never shown again.",
    tag: "API tokens",
    access: "viewer",
    body: { schema: createTokenSchema, name: "CreateTokenRequest", examples: CREATE_TOKEN_EXAMPLES },
    responses: [
      {
        status: 201,
        description: "The token was created; `secret` is its text, answered this once.",
        json: {
          schema: createdTokenAnswerSchema,
          name: "CreatedTokenAnswer",
          examples: CREATED_TOKEN_EXAMPLES,
        },
      },
    ],
  },
  {
    id: "revokeToken",
    method: "delete",
    path: "/api/tokens/{id}",
    summary: "Revoke an API token",
    description:
      "The token stops working at once: its next use answers 401, like an unknown, expired or malformed token or one whose owner is disabled. Owners revoke their own tokens; admins may revoke anyone's (a leaked token, by the ID in the audit log). Anyone else's token answers 404, as an unknown one does. Revoking a revoked token answers it unchanged.",
    tag: "API tokens",
    access: "viewer",
    params: tokenIdParamsSchema,
    notes: { id: "The token's ID (not its text)." },
    responses: [
      {
        status: 200,
        description: "The token as stored after its revocation (`revokedAt` set).",
        json: { schema: tokenAnswerSchema, name: "TokenAnswer", examples: REVOKED_TOKEN_EXAMPLES },
      },
    ],
    errors: [404],
  },
];
