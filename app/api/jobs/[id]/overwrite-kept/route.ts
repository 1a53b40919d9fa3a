import { route } from "@/lib/api/handler";
import { emptyBodySchema, jobIdParamsSchema } from "@/lib/jobs/schemas";
import { overwriteKeptJob } from "@/lib/jobs/retry";

// POST /api/jobs/{id}/overwrite-kept — send a settled job's kept tags again with override on, as a new attempt
export const POST = route({ role: "operator", params: jobIdParamsSchema, body: emptyBodySchema }, async ({ params, user }) =>
  Response.json({ job: await overwriteKeptJob(params.id, user) }),
);
