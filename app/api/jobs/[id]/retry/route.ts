import { route } from "@/lib/api/handler";
import { retryJob } from "@/lib/jobs/retry-job";
import { jobIdParamsSchema, retryJobSchema } from "@/lib/validation/jobs";

// POST /api/jobs/{id}/retry — re-queue the failed tags of a finished job as a new attempt
export const POST = route(
  { role: "operator", params: jobIdParamsSchema, body: retryJobSchema },
  async ({ params, user }) => Response.json({ job: await retryJob(params.id, user) }),
);
