import { route } from "@/lib/api/handler";
import { compareRepository } from "@/lib/compare/reader";
import { compareRepositoryQuerySchema } from "@/lib/compare/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/compare — one repository of the source against 1–10 targets, tag by tag
export const GET = route({ role: "viewer", query: compareRepositoryQuerySchema }, async ({ query }) =>
  jsonAnswer(await compareRepository(query)),
);
