import { publicRoute } from "@/lib/api/handler";
import type { HealthAnswer } from "@/lib/health/dto";

export const dynamic = "force-dynamic";

// GET /api/health — liveness: the process answers (no database, no session)
export const GET = publicRoute(async () => Response.json({ status: "ok" } satisfies HealthAnswer));
