import { publicRoute } from "@/lib/api/handler";
import { env } from "@/lib/env";
import { scrapeResponse } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

// GET /api/metrics — Prometheus text (jobs, tasks, SWR calls, engine rounds and lag, DB writes, process memory); a bearer token when METRICS_TOKEN is set
export const GET = publicRoute((request) => scrapeResponse(request, env().METRICS_TOKEN));
