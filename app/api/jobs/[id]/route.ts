import { route } from "@/lib/api/handler";
import { requireJobDetail } from "@/lib/db/jobs";
import { jobIdParamsSchema } from "@/lib/validation/jobs";

// GET /api/jobs/{id} — one job with every tag's state
export const GET = route({ role: "viewer", params: jobIdParamsSchema }, async ({ params }) =>
  Response.json({ job: await requireJobDetail(params.id) }),
);
