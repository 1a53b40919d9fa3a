import { route } from "@/lib/api/handler";
import { listTags } from "@/lib/browse/tags";
import { tagsQuerySchema } from "@/lib/validation/browse";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/tags — one page of a repository's tags
export const GET = route({ role: "viewer", query: tagsQuerySchema }, async ({ query }) => jsonAnswer(await listTags(query)));
