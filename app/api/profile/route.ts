import { route } from "@/lib/api/handler";
import { getProfile, updateProfile } from "@/lib/db/users";
import type { ProfileAnswer } from "@/lib/users/dto";
import { updateProfileSchema } from "@/lib/users/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/profile — the caller's own preferences (the time zone times are shown and filtered in)
export const GET = route({ role: "viewer" }, async ({ user }) =>
  jsonAnswer({ profile: await getProfile(user.id) } satisfies ProfileAnswer),
);

// PATCH /api/profile — change the caller's own preferences; `timeZone: null` follows the browser's zone again
export const PATCH = route({ role: "viewer", body: updateProfileSchema }, async ({ user, body }) =>
  jsonAnswer({ profile: await updateProfile(user.id, body) } satisfies ProfileAnswer),
);
