import { publicRoute } from "@/lib/api/handler";
import type { HealthAnswer } from "@/lib/health/dto";
import { jsonAnswer } from "@/lib/http/compression";

export const dynamic = "force-dynamic";

// GET /api/health — liveness: the process answers (no database, no session)
export const GET = publicRoute(async () => jsonAnswer({ status: "ok" } satisfies HealthAnswer));
