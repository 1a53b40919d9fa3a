"use client";

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import type { JobAnswer, JobDetail, JobSummary } from "@/lib/jobs/dto";
import { isLiveJobStatus, type TaskState } from "@/lib/jobs/states";
import {
  cancelJob,
  fetchJob,
  fetchJobChanges,
  fetchJobPage,
  fetchJobProgress,
  fetchJobHistoryStats,
  fetchJobStats,
  fetchJobTimeline,
  fetchTaskCount,
  fetchTaskNames,
  fetchTaskPage,
  overwriteKeptTags,
  retryJob,
  type TaskPageQuery,
} from "./api";
import type { JobFilters } from "./filters";
import { jobKeys } from "./query-keys";
import { changeWindow, mergeTaskChanges, type CachedTaskPage } from "./task-changes";

// Queries and mutations of the Jobs API; live data polls only while something can still change.

export const JOB_REFRESH_MS = 1_500;
export const HISTORY_REFRESH_MS = 5_000;
export const STATS_REFRESH_MS = 3_000;
/** Counts per repository and target follow the job, but a grouped count over every task is asked for at most this often. */
export const PROGRESS_REFRESH_MS = Math.max(JOB_REFRESH_MS, 3_000);
const STATS_IDLE_REFRESH_MS = 30_000;
/** The history at a glance moves slowly: its grouped queries run twice a minute at most. */
export const HISTORY_STATS_REFRESH_MS = 30_000;

const isMoving = (job: JobSummary) => isLiveJobStatus(job.status);

/** Folds a poll's changed tasks into every cached page of the job; pages whose filter they may have moved are fetched again. */
function applyTaskChanges(client: QueryClient, id: string, changes: NonNullable<JobAnswer["changes"]>) {
  if (!changes.complete) {
    void client.invalidateQueries({ queryKey: jobKeys.taskPages(id) });
    return;
  }
  for (const [key, page] of client.getQueriesData<CachedTaskPage>({ queryKey: jobKeys.taskPages(id) })) {
    if (!page) continue;
    const merged = mergeTaskChanges(page, changes.tasks);
    if (merged.page !== page) client.setQueryData(key, merged.page);
    if (merged.stale) void client.invalidateQueries({ queryKey: key, exact: true });
  }
}

/**
 * One job; while `live` it asks only for what changed since the version it holds and merges the changed tasks into
 * the pages of tasks on screen, so a job of 50,000 tags costs a page of rows, never the whole list.
 */
export function useJob(id: string, initialJob?: JobDetail) {
  const client = useQueryClient();
  return useQuery({
    queryKey: jobKeys.detail(id),
    queryFn: async ({ signal }) => {
      const known = client.getQueryData<JobDetail>(jobKeys.detail(id));
      if (!known) return fetchJob(id, signal);
      // Only the changes the pages on screen can show: a 20,000-tag job's refresh stays small.
      const pages = client.getQueriesData<CachedTaskPage>({ queryKey: jobKeys.taskPages(id) }).flatMap(([, page]) => (page ? [page] : []));
      const answer = await fetchJobChanges(id, known.version, signal, changeWindow(pages));
      if (answer.changes) applyTaskChanges(client, id, answer.changes);
      // The last changes may have landed between two polls; the settled job's pages are read once more.
      if (known.live && !answer.job.live) {
        void client.invalidateQueries({ queryKey: jobKeys.taskPages(id) });
        void client.invalidateQueries({ queryKey: jobKeys.progress(id) });
      }
      return answer.job;
    },
    initialData: initialJob,
    // The server's copy is a snapshot of a moving job: treat it as stale at once.
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (query.state.data?.live ? JOB_REFRESH_MS : false),
  });
}

/**
 * One page of a job's tasks, by tag, for a page that shows the job already: a poll that answered while the page was
 * on its way is caught up here, so the rows are never older than the version the polls continue from.
 */
export function useTaskPage(id: string, query: TaskPageQuery) {
  const client = useQueryClient();
  return useQuery({
    queryKey: jobKeys.taskPage(id, query),
    queryFn: async ({ signal }): Promise<CachedTaskPage> => {
      const before = client.getQueryData<JobDetail>(jobKeys.detail(id))?.version;
      const page: CachedTaskPage = { ...(await fetchTaskPage(id, query, signal)), query };
      const after = client.getQueryData<JobDetail>(jobKeys.detail(id))?.version;
      if (before === undefined || before === after) return page;
      const answer = await fetchJobChanges(id, before, signal);
      if (!answer.changes?.complete) return page;
      const merged = mergeTaskChanges(page, answer.changes.tasks);
      return merged.stale ? { ...(await fetchTaskPage(id, query, signal)), query } : merged.page;
    },
    // The previous page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** The job's counts per repository and target, refreshed while the job is live; only asked for when `enabled`. */
export function useJobProgress(id: string, live: boolean, enabled: boolean) {
  return useQuery({
    queryKey: jobKeys.progress(id),
    queryFn: ({ signal }) => fetchJobProgress(id, signal),
    enabled,
    refetchInterval: live ? PROGRESS_REFRESH_MS : false,
  });
}

/** How many of the job's tasks are in `status` right now. */
export function useTaskCount(id: string, status: TaskState, enabled: boolean) {
  return useQuery({
    queryKey: jobKeys.taskCount(id, status),
    queryFn: ({ signal }) => fetchTaskCount(id, status, signal),
    enabled,
    staleTime: 0,
  });
}

/** The first `limit` tags in `status` by name, and how many there are: what a confirmation names. */
export function useTaskNames(id: string, status: TaskState, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: jobKeys.taskNames(id, status, limit),
    queryFn: ({ signal }) => fetchTaskNames(id, status, limit, signal),
    enabled,
    staleTime: 0,
  });
}

/** The history, newest first, one cursor page at a time; its days are days in `timeZone`. */
export function useJobHistory(filters: JobFilters, timeZone: string) {
  return useInfiniteQuery({
    queryKey: jobKeys.list(filters, timeZone),
    queryFn: ({ pageParam, signal }) => fetchJobPage(filters, timeZone, pageParam, signal),
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

/** Jobs of the last `days` days by day (in `timeZone`) and outcome, durations, tags per region and top failures. */
export function useJobHistoryStats(days: number, timeZone: string) {
  return useQuery({
    queryKey: jobKeys.historyStats(days, timeZone),
    queryFn: ({ signal }) => fetchJobHistoryStats(days, timeZone, signal),
    refetchInterval: HISTORY_STATS_REFRESH_MS,
    // Another period keeps the old figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** The job's slowest tags; read again while the job moves and once more when it settles. */
export function useJobTimeline(id: string, live: boolean, limit: number) {
  return useQuery({
    queryKey: [...jobKeys.timeline(id, limit), live],
    queryFn: ({ signal }) => fetchJobTimeline(id, limit, signal),
    refetchInterval: live ? PROGRESS_REFRESH_MS : false,
  });
}

/** A retry, overwrite or cancel answers with the job: it replaces the cached one, then every job view and task page refetches. */
function useJobAction(id: string, action: (id: string) => Promise<JobDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => action(id),
    onSuccess: async (job) => {
      client.setQueryData(jobKeys.detail(id), job);
      await client.invalidateQueries({ queryKey: jobKeys.all });
    },
  });
}

/** Puts the failed and cancelled tags back in the queue as a new attempt. */
export const useRetryJob = (id: string) => useJobAction(id, retryJob);

/** Sends the kept tags again with override on, as a new attempt. */
export const useOverwriteKept = (id: string) => useJobAction(id, overwriteKeptTags);

/** Stops the tags not yet sent; the ones SWR already has finish as SWR reports them. */
export const useCancelJob = (id: string) => useJobAction(id, cancelJob);
