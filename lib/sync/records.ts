import "server-only";
import type { SwrClient, SyncJob as SwrSyncRecord } from "@/lib/swr";

// SWR's sync-job records of one repository, read newest first and matched to the job's tags.
// SWR lists a repository's records by creation time and has no filter by tag or time, so a round reads
// from the newest record down to the oldest one that can still matter, and remembers how many older
// records there were: the next round then reads only the records created since (no old record twice).

export type { SwrSyncRecord };

export interface RepositoryRef {
  sourceRegion: string;
  sourceNamespace: string;
  sourceRepository: string;
}

/** What the previous read learnt: `older` records of the repository were created before `before`. */
export interface RecordCursor {
  before: string;
  older: number;
}

/** Cursors by source repository: a job over several repositories reads each one's records. */
export type RecordCursors = Record<string, RecordCursor>;

/** The stored cursors of a job; the single-cursor form of earlier jobs belongs to their one repository. */
export function parseRecordCursors(raw: string | null, firstRepository: string): RecordCursors {
  if (!raw) return {};
  const valid = (v: unknown): v is RecordCursor =>
    typeof v === "object" && v !== null && typeof (v as RecordCursor).before === "string" && typeof (v as RecordCursor).older === "number";
  try {
    const v: unknown = JSON.parse(raw);
    if (valid(v)) return { [firstRepository]: v };
    if (typeof v !== "object" || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, RecordCursor] => valid(e[1])));
  } catch {
    return {};
  }
}

export interface RecordWalk {
  pageSize: number;
  maxPages: number;
}

export interface RecordsRead {
  /** Records created at or after `since` (and perhaps a few older ones), newest first, without repeats. */
  records: SwrSyncRecord[];
  /** The newest record of the repository when read: anything listed after it predates a submission made now. */
  newestId: string | null;
  cursor: RecordCursor | null;
  calls: number;
}

const timeOf = (r: SwrSyncRecord) => Date.parse(r.createdAt);

/**
 * Reads the records created at or after `since`. With a cursor whose `before` is not after `since`,
 * the records that can be new number `total − older`, so the read stops there without touching older ones.
 */
export async function readRecordsSince(
  swr: Pick<SwrClient, "listSyncJobs">,
  repo: RepositoryRef,
  since: Date,
  cursor: RecordCursor | null,
  walk: RecordWalk,
): Promise<RecordsRead> {
  const usable = cursor && Date.parse(cursor.before) <= since.getTime() ? cursor : null;
  const records: SwrSyncRecord[] = [];
  const seen = new Set<number>();
  let newestId: string | null = null;
  let next: RecordCursor | null = usable;
  let calls = 0;
  for (let offset = 0; calls < walk.maxPages; ) {
    const page = await swr.listSyncJobs(repo.sourceRegion, repo.sourceNamespace, repo.sourceRepository, {
      limit: walk.pageSize,
      offset,
      order: "desc",
    });
    calls++;
    if (offset === 0) newestId = page.items[0] ? String(page.items[0].id) : null;
    const newer = usable && page.totalKnown ? page.total - usable.older : Number.POSITIVE_INFINITY;
    let crossed = false;
    for (const [i, r] of page.items.entries()) {
      if (timeOf(r) < since.getTime()) {
        // The first record older than `since`: it and everything after it are older still.
        if (page.totalKnown) next = { before: since.toISOString(), older: page.total - (offset + i) };
        crossed = true;
        break;
      }
      // New records push older ones down between two pages; the repeats are dropped here.
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      records.push(r);
    }
    offset += page.items.length;
    if (crossed || page.items.length === 0 || offset >= page.total || offset >= newer) break;
  }
  if (!next && calls === 1 && records.length === 0) next = { before: since.toISOString(), older: 0 };
  return { records, newestId, cursor: next, calls };
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

/** The query for the record a task's call may have created: made at `since` (less the clock skew allowed), after baseline `priorId`. */
export function recordQuery(t: { tag: string; targetRegion: string; targetNamespace: string }, since: Date | null, skewMs: number, priorId: string | null): RecordQuery {
  return { tag: t.tag, targetRegion: t.targetRegion, targetNamespace: t.targetNamespace, since: since ? new Date(since.getTime() - skewMs) : undefined, priorId };
}

const sameTarget = (r: SwrSyncRecord, q: RecordQuery) =>
  r.tag === q.tag && r.remoteRegionId === q.targetRegion && r.remoteNamespace === q.targetNamespace;

/** Records by tag, newest first, and each record's place in the whole list: matching 20,000 tags is one pass. */
export class RecordIndex {
  private readonly byTag = new Map<string, SwrSyncRecord[]>();
  private readonly position = new Map<string, number>();

  constructor(records: readonly SwrSyncRecord[]) {
    for (const [i, r] of records.entries()) {
      this.position.set(String(r.id), i);
      const list = this.byTag.get(r.tag);
      if (list) list.push(r);
      else this.byTag.set(r.tag, [r]);
    }
  }

  /** The newest record of the tag and target that the submission may have created, if any. */
  match(q: RecordQuery): SwrSyncRecord | undefined {
    // The baseline and everything listed after it are earlier syncs; a baseline not read at all is older than every record read.
    const prior = q.priorId != null ? (this.position.get(q.priorId) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    for (const r of this.byTag.get(q.tag) ?? []) {
      if ((this.position.get(String(r.id)) ?? 0) >= prior) return undefined;
      if (!sameTarget(r, q)) continue;
      if (q.since && timeOf(r) < q.since.getTime()) continue;
      return r;
    }
    return undefined;
  }
}
