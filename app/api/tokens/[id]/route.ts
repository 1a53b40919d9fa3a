import { route } from "@/lib/api/handler";
import type { TokenAnswer } from "@/lib/tokens/dto";
import { tokenIdParamsSchema } from "@/lib/tokens/schemas";
import { revokeToken } from "@/lib/tokens/store";
import { jsonAnswer } from "@/lib/http/compression";

// DELETE /api/tokens/{id} — revoke one of the caller's tokens (an admin may revoke anyone's); it stops working at once
export const DELETE = route({ role: "viewer", params: tokenIdParamsSchema }, async ({ user, params }) =>
  jsonAnswer({ token: await revokeToken(user, params.id) } satisfies TokenAnswer),
);
