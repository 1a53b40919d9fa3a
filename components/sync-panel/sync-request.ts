import { z } from "zod";
import type { multiJobSchema, singleJobSchema } from "@/lib/jobs/schemas";

// The body of POST /api/jobs (and of POST /api/jobs/plan) as the sync panel sends it (docs/api.md "Jobs").

export { MAX_TAGS_PER_JOB } from "@/lib/jobs/schemas";
export type SyncJobRequest = z.input<typeof singleJobSchema>;
/** Several repositories of a namespace to one or more targets. */
export type MultiSyncJobRequest = z.input<typeof multiJobSchema>;

/** One spelling per request: fixed key order, tags unique and sorted, so the same request hashes the same. */
export function normalizeSyncJobRequest(r: SyncJobRequest): SyncJobRequest {
  const route = {
    sourceRegion: r.sourceRegion,
    sourceNamespace: r.sourceNamespace,
    sourceRepository: r.sourceRepository,
    targetRegion: r.targetRegion,
    targetNamespace: r.targetNamespace.trim(),
  };
  if (r.tagSelector) {
    const { all, pattern } = r.tagSelector;
    const tagSelector = all ? { all } : { pattern: pattern?.trim() };
    return { ...route, tagSelector, override: r.override };
  }
  return { ...route, tags: [...new Set(r.tags)].sort(), override: r.override };
}

/** What a 201/200 from POST /api/jobs must carry for the panel to open the job. */
export const createdJobSchema = z.object({ job: z.object({ id: z.union([z.string(), z.number()]).transform(String) }) });
