import { describe, expect, it } from "vitest";
import type { ListSyncJobsOptions, Page } from "@/lib/swr";
import { syncRecord } from "@/test/sync-record";
import { RecordIndex, readRecordsSince, type SwrSyncRecord } from "./records";

// Reading SWR's sync records newest first, only what is new, and telling this submission's record from older ones.

const T0 = Date.parse("2026-11-28T12:00:00Z");
const rec = (id: number, secondsAfter: number, over: Partial<SwrSyncRecord> = {}) => syncRecord({ id, createdAt: new Date(T0 + secondsAfter * 1000).toISOString(), ...over });
const q = { tag: "v1", targetRegion: "cn-east-3", targetNamespace: "team-a" };
const at = (secondsAfter: number) => new Date(T0 + secondsAfter * 1000);

describe("RecordIndex.match", () => {
  // Newest first, as SWR lists them.
  const index = new RecordIndex([rec(6, 60, { tag: "v9" }), rec(5, 50, { tag: "v2" }), rec(4, 40, { remoteNamespace: "other" }), rec(3, 30, { status: "running" }), rec(2, 20, { status: "failed" }), rec(1, 10)]);

  it.each([
    ["the newest of the tag and target", {}, 3],
    ["none at or after the baseline record", { priorId: "3" }, undefined],
    ["the baseline may be another tag's record", { priorId: "5" }, undefined],
    ["newer than a baseline of another tag", { priorId: "2" }, 3],
    ["a baseline not read is older than every record read", { priorId: "99" }, 3],
    ["none created before the submission", { since: at(31) }, undefined],
    ["created at the submission time", { since: at(30) }, 3],
    ["another tag", { tag: "v2" }, 5],
    ["another target namespace", { targetNamespace: "other" }, 4],
    ["nothing for an unknown tag", { tag: "v8" }, undefined],
  ])("%s", (_name, over, id) => {
    expect(index.match({ ...q, ...over })?.id).toBe(id);
  });
});

describe("readRecordsSince", () => {
  let all = Array.from({ length: 25 }, (_, i) => rec(25 - i, 25 - i));
  const calls: ListSyncJobsOptions[] = [];
  const swr = {
    async listSyncJobs(_r: string, _n: string, _p: string, o: ListSyncJobsOptions = {}): Promise<Page<SwrSyncRecord>> {
      calls.push(o);
      const offset = o.offset ?? 0;
      const limit = o.limit ?? 100;
      return { items: all.slice(offset, offset + limit), total: all.length, offset, limit, totalKnown: true };
    },
  };
  const repo = { sourceRegion: "cn-north-4", sourceNamespace: "team-a", sourceRepository: "nginx" };
  const walk = { pageSize: 10, maxPages: 5 };

  it.each([
    ["stops at the first record older than `since`", 18, 8, 1],
    ["pages on while records are new enough", 8, 18, 2],
    ["reads to the end", 0, 25, 3],
  ])("%s", async (_name, sinceSeconds, records, pages) => {
    calls.length = 0;
    const got = await readRecordsSince(swr, repo, at(sinceSeconds), null, walk);
    expect(got.records).toHaveLength(records);
    expect(got.newestId).toBe("25");
    expect(calls).toHaveLength(pages);
    expect(calls.every((c) => c.order === "desc")).toBe(true);
  });

  it("gives up after the configured pages", async () => {
    expect((await readRecordsSince(swr, repo, at(0), null, { pageSize: 5, maxPages: 2 })).records).toHaveLength(10);
  });

  it("with the cursor of the last read, the next one reads only the records created since", async () => {
    all = Array.from({ length: 25 }, (_, i) => rec(25 - i, 25 - i));
    const first = await readRecordsSince(swr, repo, at(18), null, walk);
    expect(first.cursor).toEqual({ before: at(18).toISOString(), older: 17 });
    // Eleven new records arrive: they fill one page and one more record.
    all = [...Array.from({ length: 11 }, (_, i) => rec(36 - i, 36 - i)), ...all];
    calls.length = 0;
    const next = await readRecordsSince(swr, repo, at(20), first.cursor, walk);
    expect(next.records.map((r) => r.id)).toEqual([36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20]);
    expect(calls.map((c) => c.offset)).toEqual([0, 10]);
    // A cursor from later than `since` cannot say what is older than `since`: the read walks as without one.
    calls.length = 0;
    await readRecordsSince(swr, repo, at(10), first.cursor, walk);
    expect(calls.length).toBe(3);
  });
});
