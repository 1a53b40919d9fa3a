import { route } from "@/lib/api/handler";
import { createJobSchema, jobListQuerySchema, parseIdempotencyKey } from "@/lib/jobs/schemas";
import { startJob } from "@/lib/jobs/start";
import { listJobs } from "@/lib/jobs/store";

// GET /api/jobs — the sync history, newest first, filtered and paged by cursor
export const GET = route({ role: "viewer", query: jobListQuerySchema }, async ({ query }) => Response.json(await listJobs(query)));

// POST /api/jobs — start a sync job (201), or replay the job of an Idempotency-Key (200)
export const POST = route({ role: "operator", body: createJobSchema }, async ({ request, user, body }) => {
  const idempotencyKey = parseIdempotencyKey(request.headers);
  const { job, created } = await startJob(body, { user, idempotencyKey });
  return Response.json({ job }, { status: created ? 201 : 200 });
});
