import { route } from "@/lib/api/handler";
import { emptyBodySchema, jobIdParamsSchema } from "@/lib/jobs/schemas";
import { overwriteKeptJob } from "@/lib/jobs/retry";
import { jsonAnswer } from "@/lib/http/compression";

// POST /api/jobs/{id}/overwrite-kept — send a settled job's kept tags again with override on, as a new attempt
export const POST = route({ role: "operator", params: jobIdParamsSchema, body: emptyBodySchema }, async ({ params, user }) =>
  jsonAnswer({ job: await overwriteKeptJob(params.id, user) }),
);
