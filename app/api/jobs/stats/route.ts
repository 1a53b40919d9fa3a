import { route } from "@/lib/api/handler";
import { getJobStats } from "@/lib/jobs/store";

// GET /api/jobs/stats — counts by status, unfinished and recent jobs, for the overview
export const GET = route({ role: "viewer" }, async () => Response.json(await getJobStats()));
