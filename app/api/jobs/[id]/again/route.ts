import { route } from "@/lib/api/handler";
import { syncAgain } from "@/lib/jobs/again";
import { parseIdempotencyKey } from "@/lib/jobs/idempotency-key";
import { emptyBodySchema, jobIdParamsSchema } from "@/lib/jobs/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// POST /api/jobs/{id}/again — start a new job with an earlier job's settings (201), planned against SWR now
export const POST = route({ role: "operator", params: jobIdParamsSchema, body: emptyBodySchema }, async ({ request, params, user }) => {
  const idempotencyKey = parseIdempotencyKey(request.headers);
  const { job, created, existing } = await syncAgain(params.id, { user, idempotencyKey });
  return jsonAnswer(existing ? { job, existing } : { job }, { status: created ? 201 : 200 });
});
