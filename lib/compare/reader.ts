import "server-only";
import { createLimiter, type Limiter } from "@/lib/collections";
import { getSwrClient, isSwrError, type AllPages, type SwrClient, type Tag } from "@/lib/swr";
import { swrFailureOf, type SwrFailure } from "@/lib/swr/failure";
import { shortDigest } from "@/lib/format";
import { compareRepositories, type CompareOutcome } from "./classify";
import type { CompareScopeDto, CompareTagDto, CompareTargetResultDto, OutcomeCountsDto, RepositoryComparisonDto } from "./dto";
import type { CompareRepositoryQuery, CompareScopeQuery } from "./schemas";
import type { ComparePlace } from "./scope";
import { digestsOf, walkTags, walkTargetTags } from "./walk";

// Reads for the comparison page: which repositories a comparison covers, and one repository against its targets with
// one walk of the source's tags and one of each target's, however many targets there are.

type CompareSwr = Pick<SwrClient, "showNamespace" | "showRepository" | "listAllRepos" | "listAllTags">;

/** SWR reads the comparisons of this process make at once, all requests together; SWR throttles bursts (429). */
export const COMPARE_READS_AT_ONCE = 6;
/** Tags read per repository and side; past it a side is `truncated`. */
export const MAX_COMPARED_TAGS = 20_000;
const REPOSITORY_WALK = { pageSize: 1000, maxItems: 10_000 };

const processGate = createLimiter(COMPARE_READS_AT_ONCE);

export interface CompareDeps {
  swr?: CompareSwr;
  /** The gate every SWR read passes; one per process unless a test brings its own. */
  gate?: Limiter;
}

const isNotFound = (error: unknown) => isSwrError(error) && error.status === 404;

/**
 * The repositories of a comparison: the one asked for, or every repository of the source namespace. A source namespace,
 * repository or target namespace SWR does not have is an SwrError with status 404 naming it.
 */
export async function getCompareScope(query: CompareScopeQuery, deps: CompareDeps = {}): Promise<CompareScopeDto> {
  const { swr = getSwrClient(), gate = processGate } = deps;
  const source = { region: query.region, namespace: query.namespace };
  const checkTarget = async (t: ComparePlace) => {
    try {
      await gate(() => swr.showNamespace(t.region, t.namespace));
    } catch (error) {
      // Only absence stops the comparison; other failures show again, per repository, when its tags are read.
      if (isNotFound(error)) throw error;
    }
  };
  const listSource = async () => {
    const { repository } = query;
    if (repository) {
      await gate(() => swr.showRepository(source.region, source.namespace, repository));
      return [repository];
    }
    await gate(() => swr.showNamespace(source.region, source.namespace));
    const all = await gate(() => swr.listAllRepos(source.region, { namespace: source.namespace }, REPOSITORY_WALK));
    // `namespace` is an exact filter in SWR's documentation; checked here all the same.
    const names = all.items.filter((r) => !r.namespace || r.namespace === source.namespace).map((r) => r.name);
    return [...new Set(names)].sort();
  };
  const [repositories] = await Promise.all([listSource(), ...query.targets.map(checkTarget)]);
  return { source, targets: query.targets, repositories };
}

type SideRead = { ok: true; tags: AllPages<Tag> } | { ok: false; failure: SwrFailure };

function countOutcomes(outcomes: readonly (CompareOutcome | null)[]): OutcomeCountsDto {
  const counts: OutcomeCountsDto = { missing: 0, identical: 0, differs: 0, only_in_target: 0 };
  for (const o of outcomes) if (o) counts[o]++;
  return counts;
}

const short = (digest: string | null | undefined) => (digest ? shortDigest(digest) : null);

/**
 * One repository of the source against every target. A source repository SWR does not have is an SwrError with status
 * 404; a target without it holds none of its tags. Any other failed read is the answer's `failure` for that side only.
 */
export async function compareRepository(query: CompareRepositoryQuery, deps: CompareDeps = {}): Promise<RepositoryComparisonDto> {
  const { swr = getSwrClient(), gate = processGate } = deps;
  const { repository, targets } = query;
  const at = (place: ComparePlace) => ({ region: place.region, namespace: place.namespace, repository });
  const sourceRead = gate(() => walkTags(swr, at(query), MAX_COMPARED_TAGS)).then(
    (tags): SideRead => ({ ok: true, tags }),
    (error: unknown): SideRead => {
      if (isNotFound(error)) throw error;
      return { ok: false, failure: swrFailureOf(error, query.region) };
    },
  );
  const targetReads = targets.map((t) =>
    gate(() => walkTargetTags(swr, at(t), MAX_COMPARED_TAGS)).then(
      (tags): SideRead => ({ ok: true, tags }),
      (error: unknown): SideRead => ({ ok: false, failure: swrFailureOf(error, t.region) }),
    ),
  );
  // Every target read settles (none throws), so a missing source leaves nothing running unobserved.
  const [reads, source] = await Promise.all([Promise.all(targetReads), sourceRead]);

  const results: CompareTargetResultDto[] = targets.map((t, i) => {
    const read = reads[i]!;
    return { ...t, counts: countOutcomes([]), truncated: read.ok && read.tags.truncated, failure: read.ok ? null : read.failure };
  });
  if (!source.ok) {
    return { repository, source: { tagCount: 0, truncated: false, failure: source.failure }, targets: results, tags: [] };
  }

  const rows = new Map<string, CompareTagDto>();
  const sourceDigests = new Map<string, string>();
  for (const t of source.tags.items) {
    if (rows.has(t.Tag)) continue;
    sourceDigests.set(t.Tag, t.digest);
    rows.set(t.Tag, { tag: t.Tag, shortDigest: short(t.digest), updatedAt: t.updated || null, outcomes: targets.map(() => null) });
  }
  const onlyInTargets = new Map<string, CompareTagDto>();
  const targetDigests = new Map<string, (string | null)[]>();
  reads.forEach((read, i) => {
    if (!read.ok) return;
    const updated = new Map(read.tags.items.map((t) => [t.Tag, t.updated]));
    for (const c of compareRepositories(sourceDigests, digestsOf(read.tags))) {
      let row = rows.get(c.tag) ?? onlyInTargets.get(c.tag);
      if (!row) {
        row = { tag: c.tag, shortDigest: null, updatedAt: updated.get(c.tag) || null, outcomes: targets.map(() => null) };
        onlyInTargets.set(c.tag, row);
      }
      row.outcomes[i] = c.outcome;
      if (c.outcome === "differs" || c.outcome === "only_in_target") {
        const list = targetDigests.get(c.tag) ?? targets.map(() => null);
        list[i] = short(c.targetDigest);
        targetDigests.set(c.tag, list);
      }
    }
  });
  const tags = [...rows.values(), ...[...onlyInTargets.values()].sort((a, b) => a.tag.localeCompare(b.tag))].map((row) => {
    const digests = targetDigests.get(row.tag);
    return digests ? { ...row, targetDigests: digests } : row;
  });
  targets.forEach((_, i) => {
    if (reads[i]!.ok) results[i]!.counts = countOutcomes(tags.map((row) => row.outcomes[i] ?? null));
  });
  return { repository, source: { tagCount: rows.size, truncated: source.tags.truncated, failure: null }, targets: results, tags };
}
