import { route } from "@/lib/api/handler";
import { findExistingTags } from "@/lib/browse/tags";
import { existingTagsQuerySchema } from "@/lib/validation/browse";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/tags/existing — which of the given tags already exist in a (target) repository
export const GET = route({ role: "viewer", query: existingTagsQuerySchema }, async ({ query }) =>
  jsonAnswer(await findExistingTags(query, query.tag)),
);
