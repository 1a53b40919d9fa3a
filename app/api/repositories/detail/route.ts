import { route } from "@/lib/api/handler";
import { getRepository } from "@/lib/browse/repositories";
import { repositoryRefSchema } from "@/lib/validation/browse";

// GET /api/repositories/detail — one repository's summary (404 when it does not exist)
export const GET = route({ role: "viewer", query: repositoryRefSchema }, async ({ query }) =>
  Response.json(await getRepository(query)),
);
