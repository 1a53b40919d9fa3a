import { route } from "@/lib/api/handler";
import { jobIdParamsSchema, taskListQuerySchema } from "@/lib/jobs/schemas";
import { listJobTasks } from "@/lib/jobs/store";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/jobs/{id}/tasks — one page of the job's tags by name, filtered by state and a part of the tag
export const GET = route({ role: "viewer", params: jobIdParamsSchema, query: taskListQuerySchema }, async ({ params, query }) =>
  jsonAnswer(await listJobTasks(params.id, query)),
);
