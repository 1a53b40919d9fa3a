"use client";

import { useQuery } from "@tanstack/react-query";
import { planJob } from "@/components/jobs/api";
import { jobKeys } from "@/components/jobs/query-keys";
import { normalizeSyncRequest, type SyncRequest } from "./sync-request";

/** POST /api/jobs/plan for the request as it stands: what each tag would do in each target. */
export function useJobPlan(request: SyncRequest, enabled: boolean) {
  const body = normalizeSyncRequest(request);
  return useQuery({
    queryKey: jobKeys.plan(body),
    queryFn: () => planJob(body),
    enabled,
    // A refusal (no tag matches, a bad pattern) is the answer, not a hiccup.
    retry: false,
  });
}
