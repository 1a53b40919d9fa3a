import { getJson, sendJson } from "@/lib/query/api-client";
import type { Role } from "@/lib/auth/roles";
import type { UserDto, RevokeSessionsAnswer, UserAnswer, UsersAnswer } from "@/lib/users/dto";

// The Users API as the admin page sees it (docs/api.md "Users"); answers are typed by the server's own DTOs.

export type UserPatch = { role: Role } | { disabled: boolean };

export async function fetchUsers(signal?: AbortSignal): Promise<UserDto[]> {
  return (await getJson<UsersAnswer>("/api/users", signal)).users;
}

export async function updateUser(id: string, patch: UserPatch): Promise<UserDto> {
  return (await sendJson<UserAnswer>("PATCH", `/api/users/${encodeURIComponent(id)}`, patch)).user;
}

/** Ends every session of the user; resolves to how many were live. */
export async function revokeSessions(id: string): Promise<number> {
  const url = `/api/users/${encodeURIComponent(id)}/sessions/revoke`;
  return (await sendJson<RevokeSessionsAnswer>("POST", url, {})).revoked;
}
