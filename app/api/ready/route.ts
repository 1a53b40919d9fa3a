import { publicRoute } from "@/lib/api/handler";
import { appReadiness, readinessResponse } from "@/lib/health/ready";

export const dynamic = "force-dynamic";

// GET /api/ready — readiness: database, migrations, engine ticks, SWR answers; 503 when not ready (no session)
export const GET = publicRoute(async () => readinessResponse(await appReadiness()));
