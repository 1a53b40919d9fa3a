import "server-only";
import { type RecordIndex, recordQuery } from "./records";

// The reads of SWR's records a round has made so far, shared by its watch passes and its submission: a chunk whose
// call failed may have synced (a 5xx, a time-out, a dropped connection), so it goes out again in the same round only
// once a read that began after its landing window shows no record of it. Its own file so round.ts and submit.ts need
// not import each other.

export interface RecordsSeen {
  /** When the read began: it shows every call answered before then. */
  startedAt: Date;
  index: RecordIndex;
}

/** A task as the records are searched for it: the call that may have landed was made at `submittedAt` on baseline `swrPriorJobId`. */
export interface SentTask {
  tag: string;
  targetRegion: string;
  targetNamespace: string;
  submittedAt: Date | null;
  swrPriorJobId: string | null;
}

export class RoundReads {
  private readonly latest = new Map<string, RecordsSeen>();
  /** Repositories a chunk waits for a read of: the earliest record time it needs, and the read must begin after `after`. */
  private readonly wanted = new Map<string, { since: Date; after: Date }>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly skewMs: number) {}

  /** A successful read of the repository's records; anyone waiting for one looks again. */
  record(repository: string, seen: RecordsSeen): void {
    const before = this.latest.get(repository);
    if (before && before.startedAt > seen.startedAt) return;
    this.latest.set(repository, seen);
    const want = this.wanted.get(repository);
    if (want && seen.startedAt >= want.after) this.wanted.delete(repository);
    for (const listener of [...this.listeners]) listener();
  }

  /** Asks the watch passes to read the repository's records from `since` on, until one that begins at or after `after`. */
  want(repository: string, since: Date, after: Date): void {
    const current = this.wanted.get(repository);
    if (!current) return void this.wanted.set(repository, { since, after });
    // One read serves every chunk waiting on the repository: from the earliest record time, begun after the latest window.
    if (since < current.since) current.since = since;
    if (after > current.after) current.after = after;
  }

  /** The repositories a read is wanted of, with the earliest record time each needs. */
  wantedReads(): ReadonlyMap<string, Date> {
    return new Map([...this.wanted].map(([repository, w]) => [repository, w.since]));
  }

  /**
   * Whether a read that began at or after `after` shows that none of the tasks' calls landed (false), that one did
   * (true), or no such read has been made yet (undefined).
   */
  showsAny(repository: string, tasks: readonly SentTask[], after: Date): boolean | undefined {
    const seen = this.latest.get(repository);
    if (!seen || seen.startedAt < after) return undefined;
    return tasks.some((t) => seen.index.match(recordQuery(t, t.submittedAt, this.skewMs, t.swrPriorJobId)));
  }

  onRead(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
