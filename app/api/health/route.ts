import { publicRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

// GET /api/health — liveness: the process answers (no database, no session)
export const GET = publicRoute(async () => Response.json({ status: "ok" }));
