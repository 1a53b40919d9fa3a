import type { SyncRequest } from "@/components/sync-panel/sync-request";
import type { TaskPageQuery } from "./api";
import type { JobFilters } from "./filters";

// TanStack Query keys of the Jobs API, in one place so a retry can refresh the list, the stats and the job together.

const all = ["jobs"] as const;

export const jobKeys = {
  all,
  lists: () => [...all, "list"] as const,
  list: (filters: JobFilters, timeZone: string) => [...all, "list", filters, timeZone] as const,
  detail: (id: string) => [...all, "detail", id] as const,
  /** Every cached page of one job's tasks, whatever its filter. */
  taskPages: (id: string) => [...all, "tasks", id] as const,
  taskPage: (id: string, query: TaskPageQuery) => [...all, "tasks", id, query] as const,
  progress: (id: string) => [...all, "progress", id] as const,
  taskCount: (id: string, status: string) => [...all, "task-count", id, status] as const,
  taskNames: (id: string, status: string, limit: number) => [...all, "task-names", id, status, limit] as const,
  stats: () => [...all, "stats"] as const,
  historyStats: (days: number, timeZone: string) => [...all, "stats", "history", days, timeZone] as const,
  timeline: (id: string, limit: number) => [...all, "timeline", id, limit] as const,
  plan: (request: SyncRequest) => [...all, "plan", request] as const,
};
