import type { EngineBeat } from "@/lib/metrics/engine";
import type { RegionCalls } from "@/lib/metrics/swr-calls";
import type { Check } from "./dto";

// The readiness checks that need no I/O: the engine's last tick and SWR's last answers, from what this process saw.

/** How long SWR may go without an answer after a failed call before the instance is not ready. */
export const SWR_ANSWER_WINDOW_MS = 60_000;
/** Poll intervals the engine may go without a tick. */
export const ENGINE_TICK_INTERVALS = 3;

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

export function checkEngine(engineOn: boolean, beat: EngineBeat | undefined, now: Date): Check {
  if (!engineOn) return { state: "skipped", detail: "SYNC_ENGINE=off: this instance serves the web only." };
  if (!beat) return { state: "failing", detail: "The sync engine of this instance is not running." };
  const last = beat.lastTickAt ?? beat.startedAt;
  const age = now.getTime() - last.getTime();
  const limit = ENGINE_TICK_INTERVALS * beat.pollMs;
  const what = beat.lastTickAt ? "Last tick" : "Started, no tick yet,";
  if (age <= limit) return { state: "ok", detail: `${what} ${seconds(age)} ago (poll interval ${seconds(beat.pollMs)}).` };
  return { state: "failing", detail: `${what} ${seconds(age)} ago: more than ${ENGINE_TICK_INTERVALS} poll intervals of ${seconds(beat.pollMs)}.` };
}

/** Ready when SWR answered the last call to `region`, or when it answered any call within the last 60 s (one failure is not an outage). */
export function checkSwr(region: string, calls: RegionCalls | undefined, now: Date): Check {
  if (!calls) return { state: "ok", detail: `No call to SWR in ${region} yet.` };
  const ago = (d: Date) => seconds(now.getTime() - d.getTime());
  if (calls.lastAnswered) return { state: "ok", detail: `SWR in ${region} answered the last call (${calls.lastStatusClass}) ${ago(calls.lastCallAt)} ago.` };
  const failed = `The last call to SWR in ${region} failed (${calls.lastStatusClass}) ${ago(calls.lastCallAt)} ago`;
  const answered = calls.lastAnsweredAt;
  if (answered && now.getTime() - answered.getTime() < SWR_ANSWER_WINDOW_MS) return { state: "ok", detail: `${failed}; it answered ${ago(answered)} ago.` };
  return {
    state: "failing",
    detail: `${failed}; ${answered ? `its last answer was ${ago(answered)} ago` : "it has not answered since this instance started"} (more than ${SWR_ANSWER_WINDOW_MS / 1000} s).`,
  };
}
