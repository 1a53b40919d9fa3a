import { route } from "@/lib/api/handler";
import { checkNamespace } from "@/lib/browse/namespaces";
import { namespaceCheckQuerySchema } from "@/lib/validation/browse";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/namespaces/check — whether a namespace exists in a region (a sync target must)
export const GET = route({ role: "viewer", query: namespaceCheckQuerySchema }, async ({ query }) =>
  jsonAnswer(await checkNamespace(query.region, query.namespace)),
);
