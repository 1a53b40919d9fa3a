import type { JobFilters } from "./filters";

// TanStack Query keys of the Jobs API, in one place so a retry can refresh the list, the stats and the job together.

const all = ["jobs"] as const;

export const jobKeys = {
  all,
  lists: () => [...all, "list"] as const,
  list: (filters: JobFilters) => [...all, "list", filters] as const,
  detail: (id: string) => [...all, "detail", id] as const,
  stats: () => [...all, "stats"] as const,
};
