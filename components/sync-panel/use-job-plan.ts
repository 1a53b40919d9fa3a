"use client";

import { useQuery } from "@tanstack/react-query";
import { planJob } from "@/components/jobs/api";
import { jobKeys } from "@/components/jobs/query-keys";
import { normalizeSyncJobRequest, type SyncJobRequest } from "./sync-request";

/** POST /api/jobs/plan for the request as it stands: how many tags it would sync and the first of them. */
export function useJobPlan(request: SyncJobRequest, enabled: boolean) {
  const body = normalizeSyncJobRequest(request);
  return useQuery({
    queryKey: jobKeys.plan(body),
    queryFn: () => planJob(body),
    enabled,
    // A refusal (no tag matches, a bad pattern) is the answer, not a hiccup.
    retry: false,
  });
}
