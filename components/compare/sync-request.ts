import { z } from "zod";
import type { CompareOutcome } from "@/lib/compare/classify";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import type { ComparePlace } from "@/lib/compare/schemas";

// From a comparison to one job over its repositories and targets: the body of POST /api/jobs/plan and POST /api/jobs
// for several repositories (docs/api.md "Jobs"). A tag already identical in a target is skipped there without an SWR
// call, so each repository carries the union over the targets of the tags to sync.

export const SYNC_CHOICES = ["missing", "missing_and_differing"] as const;
export type SyncChoice = (typeof SYNC_CHOICES)[number];

export interface MultiJobRequest {
  source: ComparePlace;
  repositories: { name: string; tags: string[] }[];
  targets: ComparePlace[];
  override: boolean;
}

const WANTED: Record<SyncChoice, ReadonlySet<CompareOutcome>> = {
  missing: new Set(["missing"]),
  missing_and_differing: new Set(["missing", "differs"]),
};

const byPlace = (a: ComparePlace, b: ComparePlace) => a.region.localeCompare(b.region) || a.namespace.localeCompare(b.namespace);

/** The tags of one compared repository that some target lacks (and, with `missing_and_differing`, holds differently). */
export function tagsToSync(result: RepositoryComparisonDto, choice: SyncChoice): string[] {
  if (result.source.failure) return [];
  const wanted = WANTED[choice];
  const tags = result.tags.filter((row) => row.outcomes.some((o) => o !== null && wanted.has(o))).map((row) => row.tag);
  return [...new Set(tags)].sort();
}

/**
 * The job for `choice` over the compared repositories, in one spelling (repositories, tags and targets sorted) so the
 * same request always gets the same Idempotency-Key; null when no repository has a tag to sync.
 */
export function buildSyncRequest(
  source: ComparePlace,
  targets: readonly ComparePlace[],
  results: readonly RepositoryComparisonDto[],
  choice: SyncChoice,
): MultiJobRequest | null {
  const repositories = results
    .map((r) => ({ name: r.repository, tags: tagsToSync(r, choice) }))
    .filter((r) => r.tags.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (repositories.length === 0) return null;
  return {
    source: { region: source.region, namespace: source.namespace },
    repositories,
    targets: targets.map((t) => ({ region: t.region, namespace: t.namespace })).sort(byPlace),
    override: choice === "missing_and_differing",
  };
}

/** How many tags the request names in all (each once per repository, whatever the number of targets). */
export const requestTagCount = (request: MultiJobRequest) => request.repositories.reduce((n, r) => n + r.tags.length, 0);

/** The answer of POST /api/jobs/plan for such a request: tasks in all and per class. */
export const multiJobPlanSchema = z.object({
  plan: z.object({
    count: z.number().int(),
    classes: z.object({ new: z.number().int(), identical: z.number().int(), overwrite: z.number().int(), keep: z.number().int() }),
  }),
});
export type MultiJobPlan = z.infer<typeof multiJobPlanSchema>["plan"];
