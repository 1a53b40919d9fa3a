import { route } from "@/lib/api/handler";
import { emptyBodySchema, jobIdParamsSchema } from "@/lib/jobs/schemas";
import { retryJob } from "@/lib/jobs/retry";
import { jsonAnswer } from "@/lib/http/compression";

// POST /api/jobs/{id}/retry — re-queue the failed and cancelled tags of a settled job as a new attempt
export const POST = route({ role: "operator", params: jobIdParamsSchema, body: emptyBodySchema }, async ({ params, user }) =>
  jsonAnswer({ job: await retryJob(params.id, user) }),
);
