import type { SwrClient, SyncJob as SwrSyncRecord } from "@/lib/swr";

// SWR's sync-job records of one repository (§8.8): read newest first, matched to our tags (§9.4).

export type { SwrSyncRecord };

export interface RepositoryRef {
  sourceRegion: string;
  sourceNamespace: string;
  sourceRepository: string;
}

export interface RecordWalk {
  pageSize: number;
  maxPages: number;
}

const timeOf = (r: SwrSyncRecord) => Date.parse(r.createdAt);

/**
 * Every record of the repository created at or after `since`, newest first: pages are read while the
 * oldest record on the last page is still that new. A record without a readable time counts as new.
 */
export async function readRecordsSince(
  swr: Pick<SwrClient, "listSyncJobs">,
  repo: RepositoryRef,
  since: Date,
  walk: RecordWalk,
): Promise<SwrSyncRecord[]> {
  const records: SwrSyncRecord[] = [];
  const seen = new Set<number>();
  for (let page = 0, offset = 0; page < walk.maxPages; page++) {
    const result = await swr.listSyncJobs(repo.sourceRegion, repo.sourceNamespace, repo.sourceRepository, {
      limit: walk.pageSize,
      offset,
      order: "desc",
    });
    // New records push older ones down between two pages; the repeats are dropped here.
    for (const r of result.items) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      records.push(r);
    }
    offset += result.items.length;
    const oldest = result.items.at(-1);
    if (!oldest || offset >= result.total || timeOf(oldest) < since.getTime()) break;
  }
  return records;
}

export interface RecordQuery {
  tag: string;
  targetRegion: string;
  targetNamespace: string;
  /** Only records created at or after this time belong to the submission. */
  since?: Date;
  /** A record from before the submission: it and everything listed after it are older syncs. */
  priorId?: string | null;
}

const sameTarget = (r: SwrSyncRecord, q: RecordQuery) =>
  r.tag === q.tag && r.remoteRegionId === q.targetRegion && r.remoteNamespace === q.targetNamespace;

/** The newest record of the tag and target that the submission may have created, if any. */
export function matchRecord(records: readonly SwrSyncRecord[], q: RecordQuery): SwrSyncRecord | undefined {
  for (const r of records) {
    if (q.priorId != null && String(r.id) === q.priorId) return undefined;
    if (!sameTarget(r, q)) continue;
    if (q.since && timeOf(r) < q.since.getTime()) continue;
    return r;
  }
  return undefined;
}

/** The newest record of the tag and target already there before a submission (its baseline). */
export function newestRecordId(records: readonly SwrSyncRecord[], q: Omit<RecordQuery, "since" | "priorId">): string | null {
  const hit = records.find((r) => sameTarget(r, q));
  return hit ? String(hit.id) : null;
}
