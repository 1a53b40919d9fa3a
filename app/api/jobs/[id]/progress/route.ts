import { route } from "@/lib/api/handler";
import { jobIdParamsSchema } from "@/lib/jobs/schemas";
import { getJobProgress } from "@/lib/jobs/store";

// GET /api/jobs/{id}/progress — the job's task counts per repository and target
export const GET = route({ role: "viewer", params: jobIdParamsSchema }, async ({ params }) => Response.json(await getJobProgress(params.id)));
