import { z } from "zod";
import { roleSchema } from "@/lib/auth/role-schema";

// What the users API sends (docs/api.md "Users"): ONE set of schemas, used by the server to shape answers
// and by the admin page as types. A trimmed account with ISO timestamps, never the password hash.

const isoTime = z.string().min(1);

export const userDtoSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type UserDto = z.infer<typeof userDtoSchema>;

/** GET /api/users — every account, by email. */
export const usersAnswerSchema = z.object({ users: z.array(userDtoSchema) });
export type UsersAnswer = z.infer<typeof usersAnswerSchema>;

/** PATCH /api/users/{id} — the account as stored after the change. */
export const userAnswerSchema = z.object({ user: userDtoSchema });
export type UserAnswer = z.infer<typeof userAnswerSchema>;

/** POST /api/users/{id}/sessions/revoke — how many live sessions of the user were ended. */
export const revokeSessionsAnswerSchema = z.object({ revoked: z.number().int().min(0) });
export type RevokeSessionsAnswer = z.infer<typeof revokeSessionsAnswerSchema>;

/** GET and PATCH /api/profile — the caller's own preferences; `timeZone` null follows the browser's zone. */
export const profileSchema = z.object({ timeZone: z.string().nullable() });
export type Profile = z.infer<typeof profileSchema>;
export const profileAnswerSchema = z.object({ profile: profileSchema });
export type ProfileAnswer = z.infer<typeof profileAnswerSchema>;
