import { route } from "@/lib/api/handler";
import { listRepositories } from "@/lib/browse/repositories";
import { repositoriesQuerySchema } from "@/lib/validation/browse";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/repositories — one page of a region's repositories
export const GET = route({ role: "viewer", query: repositoriesQuerySchema }, async ({ query }) =>
  jsonAnswer(await listRepositories(query)),
);
