import { route } from "@/lib/api/handler";
import { listAttempts } from "@/lib/jobs/attempts";
import { jobIdParamsSchema } from "@/lib/jobs/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/jobs/{id}/attempts — the job's earlier attempts with their counts and failures, the latest first
export const GET = route({ role: "viewer", params: jobIdParamsSchema }, async ({ params }) => jsonAnswer(await listAttempts(params.id)));
