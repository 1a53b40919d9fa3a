import { route } from "@/lib/api/handler";
import { getRepository } from "@/lib/browse/repositories";
import { repositoryRefSchema } from "@/lib/validation/browse";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/repositories/detail — one repository's summary (404 when it does not exist)
export const GET = route({ role: "viewer", query: repositoryRefSchema }, async ({ query }) =>
  jsonAnswer(await getRepository(query)),
);
