import type { CompareOutcome } from "@/lib/compare/classify";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import type { ComparePlace } from "@/lib/compare/scope";
import type { MultiSyncJobRequest } from "@/components/sync-panel/sync-request";

// From a comparison to one job over its repositories and targets: the body of POST /api/jobs/plan and POST /api/jobs
// for several repositories (docs/api.md "Jobs"). A tag already identical in a target is skipped there without an SWR
// call, so each repository carries the union over the targets of the tags to sync.

export const SYNC_CHOICES = ["missing", "missing_and_differing"] as const;
export type SyncChoice = (typeof SYNC_CHOICES)[number];

/** The jobs API's multi-repository body, each repository with its tags named. */
export interface MultiJobRequest extends MultiSyncJobRequest {
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

/** SWR syncs between regions: a target in the source's own region (another namespace) can be compared, not synced to. */
export const canSyncTo = (source: ComparePlace, target: ComparePlace) => target.region !== source.region;

/**
 * The tags of one compared repository that some target lacks (and, with `missing_and_differing`, holds differently);
 * `columns` are the positions of the targets that count (all when not given).
 */
export function tagsToSync(result: RepositoryComparisonDto, choice: SyncChoice, columns?: readonly number[]): string[] {
  if (result.source.failure) return [];
  const wanted = WANTED[choice];
  const counts = (o: CompareOutcome | null, i: number) => o !== null && wanted.has(o) && (!columns || columns.includes(i));
  const tags = result.tags.filter((row) => row.outcomes.some(counts)).map((row) => row.tag);
  return [...new Set(tags)].sort();
}

/**
 * The job for `choice` over the compared repositories, to every target SWR can sync to, in one spelling (repositories, tags and targets sorted) so the
 * same request always gets the same Idempotency-Key; null when no repository has a tag to sync there.
 */
export function syncRequestFromComparison(
  source: ComparePlace,
  targets: readonly ComparePlace[],
  results: readonly RepositoryComparisonDto[],
  choice: SyncChoice,
): MultiJobRequest | null {
  const columns = targets.flatMap((t, i) => (canSyncTo(source, t) ? [i] : []));
  if (columns.length === 0) return null;
  const repositories = results
    .map((r) => ({ name: r.repository, tags: tagsToSync(r, choice, columns) }))
    .filter((r) => r.tags.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (repositories.length === 0) return null;
  return {
    source: { region: source.region, namespace: source.namespace },
    repositories,
    targets: columns.map((i) => ({ region: targets[i]!.region, namespace: targets[i]!.namespace })).sort(byPlace),
    override: choice === "missing_and_differing",
  };
}

/** How many tags the request names in all (each once per repository, whatever the number of targets). */
export const requestTagCount = (request: MultiJobRequest) => request.repositories.reduce((n, r) => n + r.tags.length, 0);
