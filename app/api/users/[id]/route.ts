import { route } from "@/lib/api/handler";
import { updateUserAsAdmin } from "@/lib/db/user-admin";
import type { UserAnswer } from "@/lib/users/dto";
import { updateUserSchema, userIdParamsSchema } from "@/lib/users/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// PATCH /api/users/{id} — change a user's role or disable/enable the account
export const PATCH = route(
  { role: "admin", params: userIdParamsSchema, body: updateUserSchema },
  async ({ user, params, body }) =>
    jsonAnswer({ user: await updateUserAsAdmin(user, params.id, body) } satisfies UserAnswer),
);
