import { z } from "zod";
import { getJson, sendJson } from "@/lib/query/api-client";
import { roleSchema, type Role } from "@/lib/auth/roles";

// The Users API as the admin page sees it (docs/api.md "Users"); answers parsed here.

export const userSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const usersAnswerSchema = z.object({ users: z.array(userSchema) });
const userAnswerSchema = z.object({ user: userSchema });

export type UserPatch = { role: Role } | { disabled: boolean };

export async function fetchUsers(signal?: AbortSignal): Promise<User[]> {
  return (await getJson("/api/users", usersAnswerSchema, signal)).users;
}

export async function updateUser(id: string, patch: UserPatch): Promise<User> {
  return (await sendJson("PATCH", `/api/users/${encodeURIComponent(id)}`, patch, userAnswerSchema)).user;
}
