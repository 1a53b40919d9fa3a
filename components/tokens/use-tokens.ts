"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TokenDto } from "@/lib/tokens/dto";
import type { CreateTokenInput } from "@/lib/tokens/schemas";
import { createToken, fetchTokens, revokeToken, tokenKeys } from "./api";

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: ({ signal }) => fetchTokens(signal) });
}

/** Creates a token; the new one goes to the top of the cached list (its text stays with the caller, never cached). */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => createToken(input),
    onSuccess: ({ token }) => {
      client.setQueryData<TokenDto[]>(tokenKeys.all, (tokens) => tokens && [token, ...tokens]);
    },
  });
}

/** Revokes a token; it leaves the cached list, as the server's list no longer holds it. */
export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: (revoked) => {
      client.setQueryData<TokenDto[]>(tokenKeys.all, (tokens) => tokens?.filter((t) => t.id !== revoked.id));
    },
  });
}
