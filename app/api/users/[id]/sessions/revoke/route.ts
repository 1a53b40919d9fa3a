import { route } from "@/lib/api/handler";
import { revokeUserSessionsAsAdmin } from "@/lib/db/user-admin";
import type { RevokeSessionsAnswer } from "@/lib/users/dto";
import { userIdParamsSchema } from "@/lib/users/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// POST /api/users/{id}/sessions/revoke — end every session of a user; they must sign in again
export const POST = route({ role: "admin", params: userIdParamsSchema }, async ({ user, params }) =>
  jsonAnswer((await revokeUserSessionsAsAdmin(user, params.id)) satisfies RevokeSessionsAnswer),
);
