import { getJson, sendJson } from "@/lib/query/api-client";
import {
  createdTokenAnswerSchema,
  tokenAnswerSchema,
  tokensAnswerSchema,
  type CreatedTokenAnswer,
  type TokenDto,
} from "@/lib/tokens/dto";
import type { CreateTokenInput } from "@/lib/tokens/schemas";

// The tokens API as the settings page sees it (docs/api.md "API tokens"); answers parsed with the server's own schemas.

export const tokenKeys = { all: ["tokens"] as const };

export async function fetchTokens(signal?: AbortSignal): Promise<TokenDto[]> {
  return (await getJson("/api/tokens", tokensAnswerSchema, signal)).tokens;
}

export function createToken(input: CreateTokenInput): Promise<CreatedTokenAnswer> {
  return sendJson("POST", "/api/tokens", input, createdTokenAnswerSchema);
}

export async function revokeToken(id: string): Promise<TokenDto> {
  return (await sendJson("DELETE", `/api/tokens/${encodeURIComponent(id)}`, undefined, tokenAnswerSchema)).token;
}
