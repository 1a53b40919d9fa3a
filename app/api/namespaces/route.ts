import { route } from "@/lib/api/handler";
import { listNamespaces } from "@/lib/browse/namespaces";
import { namespacesQuerySchema } from "@/lib/validation/browse";

// GET /api/namespaces — the namespaces of a region
export const GET = route({ role: "viewer", query: namespacesQuerySchema }, async ({ query }) =>
  Response.json({ namespaces: await listNamespaces(query.region) }),
);
