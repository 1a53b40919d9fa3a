import { route } from "@/lib/api/handler";
import { tasksCsvFilename, tasksCsvStream } from "@/lib/jobs/csv";
import { jobIdParamsSchema, taskCsvQuerySchema } from "@/lib/jobs/schemas";

// GET /api/jobs/{id}/export.csv — the job's tags matching the tasks list's filters, as a CSV download in the caller's
// time zone, with each error in the caller's language
export const GET = route({ role: "viewer", params: jobIdParamsSchema, query: taskCsvQuerySchema }, async ({ params, query }) =>
  new Response(await tasksCsvStream(params.id, query), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${tasksCsvFilename(params.id, query.timeZone)}"`,
      "Cache-Control": "no-store",
    },
  }),
);
