import { route } from "@/lib/api/handler";
import { parseIdempotencyKey } from "@/lib/jobs/idempotency-key";
import { createJobSchema, JOB_BODY_LIMIT, jobListQuerySchema } from "@/lib/jobs/schemas";
import { startJob } from "@/lib/jobs/start";
import { listJobs } from "@/lib/jobs/store";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/jobs — the sync history, newest first, filtered and paged by cursor
export const GET = route({ role: "viewer", query: jobListQuerySchema }, async ({ query }) => jsonAnswer(await listJobs(query)));

// POST /api/jobs — start a sync job (201), or answer the job of a repeated Idempotency-Key or of the same request still running (200)
export const POST = route({ role: "operator", body: createJobSchema, maxBodyBytes: JOB_BODY_LIMIT }, async ({ request, user, body }) => {
  const idempotencyKey = parseIdempotencyKey(request.headers);
  const { job, created, existing } = await startJob(body, { user, idempotencyKey });
  return jsonAnswer(existing ? { job, existing } : { job }, { status: created ? 201 : 200 });
});
