import { describe, expect, it } from "vitest";
import { type Decision, decideTask, type DecideOptions, type TargetView, type WatchedTask } from "./decide";
import { syncRecord } from "@/test/sync-record";
import { SwrError } from "@/lib/swr/errors";
import { swrCallError } from "./messages";

// Where a submitted tag goes, given SWR's record and the target's tags.

const NOW = new Date("2026-11-28T12:00:00Z");
const SRC = "sha256:aaaa";
const OTHER = "sha256:bbbb";
const job = { targetRegion: "cn-east-3", targetNamespace: "team-a", override: false };
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const options: DecideOptions = { now: NOW, recordWindowMs: 120_000, noProgressMs: 30 * 60_000, jobProgressAt: ago(1_000) };

const task = (over: Partial<WatchedTask> = {}): WatchedTask => ({ tag: "v1", sourceDigest: SRC, submittedAt: ago(1_000), lastErrorMsg: null, ...over });
const record = (status: string) => syncRecord({ id: 7, createdAt: NOW.toISOString(), status });
const listed = (digest?: string): TargetView => ({ listed: true, digests: new Map(digest === undefined ? [] : [["v1", digest]]) });
const unlisted: TargetView = { listed: false };

/** A decision in short: "wait", or the end state and its error code. */
const outline = (d: Decision) => (d.kind === "wait" ? ["wait", null] : [d.status, d.fields.lastErrorCode]);

describe("decideTask", () => {
  it.each<[string, WatchedTask, string | undefined, TargetView, boolean, Partial<DecideOptions>, (string | null)[]]>([
    ["waiting record: wait", task(), "waiting", unlisted, false, {}, ["wait", null]],
    ["unknown status counts as in progress", task(), "paused", listed(SRC), false, {}, ["wait", null]],
    ["success and the same digest: succeeded", task(), "success", listed(SRC), false, {}, ["succeeded", null]],
    ["existed and the same digest: succeeded", task(), "existed", listed(SRC), false, {}, ["succeeded", null]],
    ["success, unknown source digest: succeeded", task({ sourceDigest: null }), "success", listed(OTHER), false, {}, ["succeeded", null]],
    ["success but the tag is not listed yet: wait", task(), "success", listed(), false, {}, ["wait", null]],
    ["success but the target could not be read: wait", task(), "success", unlisted, false, {}, ["wait", null]],
    ["existed with another image, no override: kept", task(), "existed", listed(OTHER), false, {}, ["kept", null]],
    ["success with another image, no override: kept", task(), "success", listed(OTHER), false, {}, ["kept", null]],
    ["no record past the window, another image, no override: kept", task({ submittedAt: ago(120_000) }), undefined, listed(OTHER), false, {}, ["kept", null]],
    ["a target tag without a digest cannot be told apart: succeeded", task(), "existed", listed(""), false, {}, ["succeeded", null]],
    ["existed with another image despite override", task(), "existed", listed(OTHER), true, {}, ["failed", "target_differs"]],
    ["success with another image and override: source changed", task(), "success", listed(OTHER), true, {}, ["failed", "digest_mismatch"]],
    ["failed record", task(), "failed", unlisted, false, {}, ["failed", "swr_failed"]],
    ["timeout record", task(), "timeout", unlisted, false, {}, ["failed", "swr_timeout"]],
    ["cancel record, even with the tag in the target", task(), "cancel", listed(SRC), false, {}, ["failed", "swr_cancel"]],
    ["no record yet", task(), undefined, listed(SRC), false, {}, ["wait", null]],
    ["no record past the window: the target decides", task({ submittedAt: ago(120_000) }), undefined, listed(SRC), false, {}, ["succeeded", null]],
    ["no record past the window, tag absent", task({ submittedAt: ago(120_000) }), undefined, listed(), false, {}, ["wait", null]],
    ["no record, override on, other image: keeps waiting", task({ submittedAt: ago(120_000) }), undefined, listed(OTHER), true, {}, ["wait", null]],
    ["the job has not moved for too long", task(), undefined, listed(), false, { jobProgressAt: ago(30 * 60_000) }, ["failed", "no_progress"]],
    ["waiting in SWR while the job is still", task(), "waiting", unlisted, false, { jobProgressAt: ago(31 * 60_000) }, ["failed", "no_progress"]],
  ])("%s", (_name, t, status, target, override, over, expected) => {
    expect(outline(decideTask(t, status ? record(status) : undefined, target, { ...job, override }, { ...options, ...over }))).toEqual(expected);
  });

  it("keeps SWR's record and the target digest with the outcome", () => {
    expect(decideTask(task(), record("success"), listed(SRC), job, options)).toEqual({
      kind: "end",
      status: "succeeded",
      fields: { swrJobId: "7", swrStatus: "success", targetDigest: SRC, lastErrorCode: null, lastErrorMessage: null, lastErrorMsg: null },
    });
  });

  it("a kept tag keeps the target's digest and SWR's record, without an error", () => {
    expect(decideTask(task(), record("existed"), listed(OTHER), job, options)).toEqual({
      kind: "end",
      status: "kept",
      fields: { swrJobId: "7", swrStatus: "existed", targetDigest: OTHER, lastErrorCode: null, lastErrorMessage: null, lastErrorMsg: null },
    });
  });

  it("a tag that times out quotes the error that kept the round from reading SWR", () => {
    const roundError = swrCallError(new SwrError({ kind: "http", operation: "ListImageSyncJobs", region: "cn-north-4", status: 429 }));
    const stalled = decideTask(task(), undefined, unlisted, job, { ...options, roundError, recordWindowMs: Infinity, jobProgressAt: ago(30 * 60_000) });
    expect(stalled.kind === "end" && stalled.fields.lastErrorMessage).toBe(
      "Not found in target after 30 minutes. The last SWR error was: SWR in cn-north-4 is throttling requests; wait a moment and try again.",
    );
    expect(stalled.kind === "end" && JSON.parse(stalled.fields.lastErrorMsg!)).toEqual({
      key: "taskErrors.noProgressSince",
      params: { wait: { key: "taskErrors.minutes", params: { minutes: 30 } }, lastError: { key: "swrErrors.throttled", params: { service: "SWR", region: "cn-north-4" } } },
    });
  });
});
