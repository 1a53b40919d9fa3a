import { route } from "@/lib/api/handler";
import { listUsers } from "@/lib/db/users";
import type { UsersAnswer } from "@/lib/users/dto";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/users — every account, for the admin page
export const GET = route({ role: "admin" }, async () =>
  jsonAnswer({ users: await listUsers() } satisfies UsersAnswer),
);
