import { route } from "@/lib/api/handler";
import { listRegions } from "@/lib/browse/regions";
import { regionsQuerySchema } from "@/lib/validation/browse";

// GET /api/regions — every region, or the sync targets of `source` (the source itself excluded)
export const GET = route({ role: "viewer", query: regionsQuerySchema }, async ({ query }) =>
  Response.json(await listRegions(query.source)),
);
