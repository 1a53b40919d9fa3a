import { getJson, sendJson } from "@/lib/query/api-client";
import type { CreatedTokenAnswer, TokenDto, TokenAnswer, TokensAnswer } from "@/lib/tokens/dto";
import type { CreateTokenInput } from "@/lib/tokens/schemas";

// The tokens API as the settings page sees it (docs/api.md "API tokens"); answers are typed by the server's own DTOs.

export const tokenKeys = { all: ["tokens"] as const };

export async function fetchTokens(signal?: AbortSignal): Promise<TokenDto[]> {
  return (await getJson<TokensAnswer>("/api/tokens", signal)).tokens;
}

export function createToken(input: CreateTokenInput): Promise<CreatedTokenAnswer> {
  return sendJson<CreatedTokenAnswer>("POST", "/api/tokens", input);
}

export async function revokeToken(id: string): Promise<TokenDto> {
  return (await sendJson<TokenAnswer>("DELETE", `/api/tokens/${encodeURIComponent(id)}`, undefined)).token;
}
