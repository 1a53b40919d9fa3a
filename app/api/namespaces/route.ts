import { route } from "@/lib/api/handler";
import { listNamespaces } from "@/lib/browse/namespaces";
import { namespacesQuerySchema } from "@/lib/validation/browse";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/namespaces — the namespaces of a region
export const GET = route({ role: "viewer", query: namespacesQuerySchema }, async ({ query }) =>
  jsonAnswer({ namespaces: await listNamespaces(query.region) }),
);
