import { route } from "@/lib/api/handler";
import { getCompareScope } from "@/lib/compare/reader";
import { compareScopeQuerySchema } from "@/lib/compare/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/compare/repositories — the repositories a comparison covers, once its source and targets are known to exist
export const GET = route({ role: "viewer", query: compareScopeQuerySchema }, async ({ query }) =>
  jsonAnswer(await getCompareScope(query)),
);
