import { route } from "@/lib/api/handler";
import { findExistingTags } from "@/lib/browse/tags";
import { existingTagsQuerySchema } from "@/lib/validation/browse";

// GET /api/tags/existing — which of the given tags already exist in a (target) repository
export const GET = route({ role: "viewer", query: existingTagsQuerySchema }, async ({ query }) =>
  Response.json(await findExistingTags(query, query.tag)),
);
