import { route } from "@/lib/api/handler";
import { jobIdParamsSchema } from "@/lib/jobs/schemas";
import { getJobProgress } from "@/lib/jobs/store";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/jobs/{id}/progress — the job's task counts per repository and target
export const GET = route({ role: "viewer", params: jobIdParamsSchema }, async ({ params }) => jsonAnswer(await getJobProgress(params.id)));
