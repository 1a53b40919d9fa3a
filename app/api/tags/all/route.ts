import { route } from "@/lib/api/handler";
import { listAllTagNames } from "@/lib/browse/tags";
import { allTagsQuerySchema } from "@/lib/validation/browse";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/tags/all — every tag name matching `q`, for select-all-matching
export const GET = route({ role: "viewer", query: allTagsQuerySchema }, async ({ query }) =>
  jsonAnswer(await listAllTagNames(query)),
);
