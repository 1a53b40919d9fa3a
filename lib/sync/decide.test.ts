import { describe, expect, it } from "vitest";
import { type Decision, decideTask, type DecideOptions, type TargetView, type WatchedTask } from "./decide";
import { syncRecord } from "./record-fixture";

// Where a watched tag goes, given SWR's record and the target's tags (§8.8 status table, §9.5, §11 #2).

const NOW = new Date("2026-11-28T12:00:00Z");
const SRC = "sha256:aaaa";
const OTHER = "sha256:bbbb";
const job = { targetRegion: "cn-east-3", targetNamespace: "team-a", override: false };
const options: DecideOptions = { now: NOW, recordWindowMs: 120_000, noProgressMs: 30 * 60_000 };

const task = (over: Partial<WatchedTask> = {}): WatchedTask => ({
  tag: "v1",
  status: "submitted",
  sourceDigest: SRC,
  swrJobId: null,
  swrStatus: null,
  progressAt: new Date(NOW.getTime() - 1_000),
  lastErrorMessage: null,
  ...over,
});
const record = (status: string) => syncRecord({ id: 7, createdAt: NOW.toISOString(), status });
const listed = (digest?: string): TargetView => ({ listed: true, digests: new Map(digest === undefined ? [] : [["v1", digest]]) });
const unlisted: TargetView = { listed: false };
const ago = (ms: number) => new Date(NOW.getTime() - ms);

/** A decision in short: the path (or "keep") and the error code. */
const outline = (d: Decision) => [d.kind === "move" ? d.path.join("→") : "keep", d.fields.lastErrorCode ?? null];

describe("decideTask", () => {
  it.each<[string, WatchedTask, string | undefined, TargetView, boolean, (string | null)[]]>([
    ["waiting record: syncing", task(), "waiting", unlisted, false, ["syncing", null]],
    ["running record while syncing: same state", task({ status: "syncing", swrJobId: "7", swrStatus: "waiting" }), "running", unlisted, false, ["keep", null]],
    ["unknown status counts as in progress", task(), "paused", unlisted, false, ["syncing", null]],
    ["success and the same digest: succeeded", task({ status: "syncing" }), "success", listed(SRC), false, ["verifying→succeeded", null]],
    ["existed and the same digest: succeeded", task(), "existed", listed(SRC), false, ["verifying→succeeded", null]],
    ["success, unknown source digest: succeeded", task({ sourceDigest: null }), "success", listed(OTHER), false, ["verifying→succeeded", null]],
    ["success but the tag is not listed yet: verifying", task(), "success", listed(), false, ["verifying", null]],
    ["success but the target could not be read: verifying", task(), "success", unlisted, false, ["verifying", null]],
    ["existed with another image: override hint", task(), "existed", listed(OTHER), false, ["verifying→failed", "target_differs"]],
    ["success with another image, no override: override hint", task(), "success", listed(OTHER), false, ["verifying→failed", "target_differs"]],
    ["existed with another image despite override", task(), "existed", listed(OTHER), true, ["verifying→failed", "target_differs"]],
    ["success with another image and override: source changed", task(), "success", listed(OTHER), true, ["verifying→failed", "digest_mismatch"]],
    ["failed record", task({ status: "syncing" }), "failed", unlisted, false, ["failed", "swr_failed"]],
    ["timeout record", task(), "timeout", unlisted, false, ["failed", "swr_timeout"]],
    ["cancel record, even while verifying", task({ status: "verifying" }), "cancel", listed(SRC), false, ["failed", "swr_cancel"]],
    ["no record yet", task(), undefined, unlisted, false, ["keep", null]],
    ["no record past the window: the target decides", task({ progressAt: ago(120_000) }), undefined, listed(SRC), false, ["verifying→succeeded", null]],
    ["no record past the window, tag absent", task({ progressAt: ago(120_000) }), undefined, listed(), false, ["verifying", null]],
    ["no record, override on, other image: keeps waiting", task({ status: "verifying" }), undefined, listed(OTHER), true, ["keep", null]],
    ["verifying without a record: the target decides", task({ status: "verifying" }), undefined, listed(SRC), false, ["succeeded", null]],
    ["no progress for too long", task({ status: "verifying", progressAt: ago(30 * 60_000) }), undefined, listed(), false, ["failed", "no_progress"]],
    ["stuck waiting in SWR for too long", task({ status: "syncing", swrJobId: "7", swrStatus: "waiting", progressAt: ago(31 * 60_000) }), "waiting", unlisted, false, ["failed", "no_progress"]],
  ])("%s", (_name, t, status, target, override, expected) => {
    expect(outline(decideTask(t, status ? record(status) : undefined, target, { ...job, override }, options))).toEqual(expected);
  });

  it("records SWR's record and the target digest on the way", () => {
    const d = decideTask(task(), record("success"), listed(SRC), job, options);
    expect(d).toEqual({ kind: "move", path: ["verifying", "succeeded"], fields: { swrJobId: "7", swrStatus: "success", targetDigest: SRC, lastErrorCode: null, lastErrorMessage: null } });
  });

  it("a change of SWR's status is progress, so the no-progress clock does not fail it", () => {
    const t = task({ status: "syncing", swrJobId: "7", swrStatus: "waiting", progressAt: ago(31 * 60_000) });
    expect(decideTask(t, record("running"), unlisted, job, options)).toMatchObject({ kind: "keep", progressed: true, fields: { swrStatus: "running" } });
  });

  it("a round that could not read SWR shows why, and the timeout quotes it", () => {
    const roundError = { code: "http_429", message: "SWR in cn-north-4 is throttling requests; wait a moment and try again." };
    const blind = { ...options, roundError, recordWindowMs: Infinity };
    expect(decideTask(task(), undefined, unlisted, job, blind)).toEqual({
      kind: "keep",
      progressed: false,
      fields: { lastErrorCode: "http_429", lastErrorMessage: roundError.message },
    });
    const stalled = decideTask(task({ progressAt: ago(30 * 60_000) }), undefined, unlisted, job, blind);
    expect(stalled.fields.lastErrorMessage).toBe(`Not found in target after 30 minutes. The last SWR error was: ${roundError.message}`);
  });
});
