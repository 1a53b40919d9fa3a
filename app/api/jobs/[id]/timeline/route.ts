import { route } from "@/lib/api/handler";
import { jobIdParamsSchema, jobTimelineQuerySchema } from "@/lib/jobs/schemas";
import { getJobTimeline } from "@/lib/jobs/timeline";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/jobs/{id}/timeline — the job's slowest tags, each from its submission to its end
export const GET = route({ role: "viewer", params: jobIdParamsSchema, query: jobTimelineQuerySchema }, async ({ params, query }) =>
  jsonAnswer(await getJobTimeline(params.id, query.limit)),
);
