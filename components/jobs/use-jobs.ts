"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJob, fetchJobPage, fetchJobStats, retryJob, type JobDetail, type JobSummary } from "./api";
import type { JobFilters } from "./filters";
import { jobKeys } from "./query-keys";

// Queries and the one mutation of the Jobs API; live data polls only while something can still change.

export const JOB_REFRESH_MS = 1_500;
export const HISTORY_REFRESH_MS = 5_000;
export const STATS_REFRESH_MS = 3_000;
const STATS_IDLE_REFRESH_MS = 30_000;

const isMoving = (job: JobSummary) => job.status === "queued" || job.status === "running";

/** One job; refreshes itself while `live` and stops once every tag reached an end. */
export function useJob(id: string, initialJob?: JobDetail) {
  return useQuery({
    queryKey: jobKeys.detail(id),
    queryFn: ({ signal }) => fetchJob(id, signal),
    initialData: initialJob,
    // The server's copy is a snapshot of a moving job: treat it as stale at once.
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (query.state.data?.live ? JOB_REFRESH_MS : false),
  });
}

/** The history, newest first, one cursor page at a time. */
export function useJobHistory(filters: JobFilters) {
  return useInfiniteQuery({
    queryKey: jobKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchJobPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some(isMoving)) ? HISTORY_REFRESH_MS : false,
  });
}

export function useJobStats() {
  return useQuery({
    queryKey: jobKeys.stats(),
    queryFn: ({ signal }) => fetchJobStats(signal),
    refetchInterval: (query) => (query.state.data?.running.length ? STATS_REFRESH_MS : STATS_IDLE_REFRESH_MS),
  });
}

/** Re-queues the failed tags; the answer replaces the cached job, then every job view refetches. */
export function useRetryJob(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => retryJob(id),
    onSuccess: async (job) => {
      client.setQueryData(jobKeys.detail(id), job);
      await client.invalidateQueries({ queryKey: jobKeys.all });
    },
  });
}
