import { route } from "@/lib/api/handler";
import { createJobSchema, JOB_BODY_LIMIT } from "@/lib/jobs/schemas";
import { planJob } from "@/lib/jobs/start";
import { jsonAnswer } from "@/lib/http/compression";

// POST /api/jobs/plan — the tags a sync request would take (count and the first names), before it is started
export const POST = route({ role: "operator", body: createJobSchema, maxBodyBytes: JOB_BODY_LIMIT }, async ({ body }) => jsonAnswer(await planJob(body)));
