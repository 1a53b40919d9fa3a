import { describe, expect, it } from "vitest";
import type { ListSyncJobsOptions, Page } from "@/lib/swr";
import { syncRecord } from "./record-fixture";
import { matchRecord, newestRecordId, readRecordsSince, type SwrSyncRecord } from "./records";

// Reading SWR's sync records newest first and telling this submission's record from older ones.

const T0 = Date.parse("2026-11-28T12:00:00Z");
const rec = (id: number, secondsAfter: number, over: Partial<SwrSyncRecord> = {}) =>
  syncRecord({ id, createdAt: new Date(T0 + secondsAfter * 1000).toISOString(), ...over });
const q = { tag: "v1", targetRegion: "cn-east-3", targetNamespace: "team-a" };
const at = (secondsAfter: number) => new Date(T0 + secondsAfter * 1000);

describe("matchRecord", () => {
  // Newest first, as SWR lists them.
  const records = [rec(5, 50, { tag: "v2" }), rec(4, 40, { remoteNamespace: "other" }), rec(3, 30, { status: "running" }), rec(2, 20, { status: "failed" }), rec(1, 10)];

  it.each([
    ["the newest of the tag and target", {}, 3],
    ["none newer than the prior record", { priorId: "3" }, undefined],
    ["the one after the prior record", { priorId: "2" }, 3],
    ["none created before the submission", { since: at(31) }, undefined],
    ["created at the submission time", { since: at(30) }, 3],
    ["another tag", { tag: "v2" }, 5],
    ["another target namespace", { targetNamespace: "other" }, 4],
    ["nothing for an unknown tag", { tag: "v9" }, undefined],
  ])("%s", (_name, over, id) => {
    expect(matchRecord(records, { ...q, ...over })?.id).toBe(id);
  });

  it("the baseline is the newest record of the tag and target", () => {
    expect(newestRecordId(records, q)).toBe("3");
    expect(newestRecordId(records, { ...q, tag: "v9" })).toBeNull();
  });
});

describe("readRecordsSince", () => {
  const all = Array.from({ length: 25 }, (_, i) => rec(25 - i, 25 - i));
  const calls: ListSyncJobsOptions[] = [];
  const swr = {
    async listSyncJobs(_r: string, _n: string, _p: string, o: ListSyncJobsOptions = {}): Promise<Page<SwrSyncRecord>> {
      calls.push(o);
      const offset = o.offset ?? 0;
      const limit = o.limit ?? 100;
      return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
    },
  };
  const repo = { sourceRegion: "cn-north-4", sourceNamespace: "team-a", sourceRepository: "nginx" };

  it.each([
    ["stops at the page whose oldest record is older", 18, 10, 1],
    ["pages on while records are new enough", 8, 20, 2],
    ["reads to the end", 0, 25, 3],
  ])("%s", async (_name, sinceSeconds, records, pages) => {
    calls.length = 0;
    const got = await readRecordsSince(swr, repo, at(sinceSeconds), { pageSize: 10, maxPages: 5 });
    expect(got).toHaveLength(records);
    expect(calls).toHaveLength(pages);
    expect(calls.every((c) => c.order === "desc")).toBe(true);
  });

  it("gives up after the configured pages", async () => {
    calls.length = 0;
    expect(await readRecordsSince(swr, repo, at(0), { pageSize: 5, maxPages: 2 })).toHaveLength(10);
  });
});
