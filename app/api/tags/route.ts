import { route } from "@/lib/api/handler";
import { listTags } from "@/lib/browse/tags";
import { tagsQuerySchema } from "@/lib/validation/browse";

// GET /api/tags — one page of a repository's tags
export const GET = route({ role: "viewer", query: tagsQuerySchema }, async ({ query }) => Response.json(await listTags(query)));
