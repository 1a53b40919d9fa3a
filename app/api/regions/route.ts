import { route } from "@/lib/api/handler";
import { listRegions, listSyncTargets } from "@/lib/browse/regions";
import { regionsQuerySchema } from "@/lib/validation/browse";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/regions — every region, or where a sync from `source` may go and where that list came from
export const GET = route({ role: "viewer", query: regionsQuerySchema }, async ({ query }) =>
  jsonAnswer(query.source ? await listSyncTargets(query.source) : listRegions()),
);
