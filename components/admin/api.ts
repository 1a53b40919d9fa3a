import { getJson, sendJson } from "@/lib/query/api-client";
import type { Role } from "@/lib/auth/roles";
import {
  revokeSessionsAnswerSchema,
  userAnswerSchema,
  usersAnswerSchema,
  type UserDto,
} from "@/lib/users/dto";

// The Users API as the admin page sees it (docs/api.md "Users"); answers parsed with the server's own schemas.

export type UserPatch = { role: Role } | { disabled: boolean };

export async function fetchUsers(signal?: AbortSignal): Promise<UserDto[]> {
  return (await getJson("/api/users", usersAnswerSchema, signal)).users;
}

export async function updateUser(id: string, patch: UserPatch): Promise<UserDto> {
  return (await sendJson("PATCH", `/api/users/${encodeURIComponent(id)}`, patch, userAnswerSchema)).user;
}

/** Ends every session of the user; resolves to how many were live. */
export async function revokeSessions(id: string): Promise<number> {
  const url = `/api/users/${encodeURIComponent(id)}/sessions/revoke`;
  return (await sendJson("POST", url, {}, revokeSessionsAnswerSchema)).revoked;
}
