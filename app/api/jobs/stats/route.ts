import { route } from "@/lib/api/handler";
import { getJobHistoryStats } from "@/lib/jobs/history-store";
import { jobStatsQuerySchema } from "@/lib/jobs/schemas";
import { getJobStats } from "@/lib/jobs/store";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/jobs/stats — counts by status, unfinished and recent jobs, for the overview; with `days`, the history at a glance
export const GET = route({ role: "viewer", query: jobStatsQuerySchema }, async ({ query }) => {
  const [stats, history] = await Promise.all([getJobStats(), query.days === undefined ? undefined : getJobHistoryStats(query.days, query.tz)]);
  return jsonAnswer(history ? { ...stats, history } : stats);
});
