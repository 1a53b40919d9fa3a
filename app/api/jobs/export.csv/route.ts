import { route } from "@/lib/api/handler";
import { jobsCsvFilename, jobsCsvStream } from "@/lib/jobs/csv";
import { jobFiltersSchema } from "@/lib/jobs/schemas";

// GET /api/jobs/export.csv — every job matching the history filters, as a CSV download in the caller's time zone
export const GET = route(
  { role: "viewer", query: jobFiltersSchema },
  async ({ query }) =>
    new Response(await jobsCsvStream(query), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${jobsCsvFilename(query.timeZone)}"`,
        "Cache-Control": "no-store",
      },
    }),
);
