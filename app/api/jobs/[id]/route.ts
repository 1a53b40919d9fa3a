import { route } from "@/lib/api/handler";
import { jobIdParamsSchema, jobQuerySchema } from "@/lib/jobs/schemas";
import { getJobAnswer } from "@/lib/jobs/store";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/jobs/{id} — one job with its counts; with ?since=<version>, also the tasks that changed since
export const GET = route({ role: "viewer", params: jobIdParamsSchema, query: jobQuerySchema }, async ({ params, query }) =>
  jsonAnswer(await getJobAnswer(params.id, query)),
);
