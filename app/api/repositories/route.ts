import { route } from "@/lib/api/handler";
import { listRepositories } from "@/lib/browse/repositories";
import { repositoriesQuerySchema } from "@/lib/validation/browse";

// GET /api/repositories — one page of a region's repositories
export const GET = route({ role: "viewer", query: repositoriesQuerySchema }, async ({ query }) =>
  Response.json(await listRepositories(query)),
);
