import { route } from "@/lib/api/handler";
import { cancelJob } from "@/lib/jobs/cancel";
import { emptyBodySchema, jobIdParamsSchema } from "@/lib/jobs/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// POST /api/jobs/{id}/cancel — stop a job: unsent tags end cancelled, tags SWR has finish as SWR reports them (idempotent)
export const POST = route({ role: "viewer", params: jobIdParamsSchema, body: emptyBodySchema }, async ({ params, user }) =>
  jsonAnswer({ job: await cancelJob(params.id, user) }),
);
