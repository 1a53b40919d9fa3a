"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UserDto } from "@/lib/users/dto";
import { fetchUsers, revokeSessions, updateUser, type UserPatch } from "./api";
import { userKeys } from "./query-keys";

export function useUsers() {
  return useQuery({ queryKey: userKeys.all, queryFn: ({ signal }) => fetchUsers(signal) });
}

/** Applies one change; the answer replaces that user in the cached list, so the row shows what the server stored. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => updateUser(id, patch),
    onSuccess: (user) => {
      client.setQueryData<UserDto[]>(userKeys.all, (users) =>
        users?.map((u) => (u.id === user.id ? user : u)),
      );
    },
  });
}

/** Ends every session of one user; nothing cached changes (the list shows no sessions). */
export function useRevokeSessions() {
  return useMutation({ mutationFn: (id: string) => revokeSessions(id) });
}
