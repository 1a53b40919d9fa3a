import { route } from "@/lib/api/handler";
import { getCompareScope } from "@/lib/compare/reader";
import { compareScopeQuerySchema } from "@/lib/compare/schemas";

// GET /api/compare/repositories — the repositories a comparison covers, once its source and targets are known to exist
export const GET = route({ role: "viewer", query: compareScopeQuerySchema }, async ({ query }) =>
  Response.json(await getCompareScope(query)),
);
