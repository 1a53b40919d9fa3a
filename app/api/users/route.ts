import { route } from "@/lib/api/handler";
import { listUsers } from "@/lib/db/users";
import type { UsersAnswer } from "@/lib/users/dto";

// GET /api/users — every account, for the admin page
export const GET = route({ role: "admin" }, async () =>
  Response.json({ users: await listUsers() } satisfies UsersAnswer),
);
