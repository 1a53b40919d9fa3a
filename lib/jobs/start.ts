import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { getSwrClient } from "@/lib/swr";
import { auditFailures } from "./audit-failure";
import type { JobDetail, JobPlan } from "./dto";
import { runPreChecks, type PreCheckSwr } from "./pre-checks";
import { hashJobRequest } from "./request-hash";
import type { CreateJobInput } from "./schemas";
import { createJob, findRunningJob, getJobByIdempotencyKey, requireJobDetail } from "./store";
import { selectTags, type SelectionSwr } from "./tag-selection";

// POST /api/jobs behind the guard: idempotency, SWR pre-checks, then one transaction writes the job and its tasks.

export interface StartJobResult {
  job: JobDetail;
  /** False when an Idempotency-Key replayed an earlier job, or the same request's job is still running. */
  created: boolean;
  /** Without a key: the same request's earlier job was still running, so no second one was started. */
  existing?: boolean;
}

/** How many tags the plan lists by name; its count covers them all. */
const PLAN_SAMPLE = 200;

/** The earlier job of this key when the request is the same; 422 when the key was used for another request. */
async function replayOf(userId: string, key: string, requestHash: string): Promise<StartJobResult | null> {
  const earlier = await getJobByIdempotencyKey(userId, key);
  if (!earlier) return null;
  if (earlier.requestHash !== requestHash) {
    throw new AppError(
      "idempotency_mismatch",
      `This Idempotency-Key was already used for a different sync request (job ${earlier.id}); use a new key for a new request.`,
    );
  }
  return { job: await requireJobDetail(earlier.id), created: false };
}

function auditDetailOf(input: CreateJobInput, tags?: number) {
  return {
    source: `${input.sourceRegion} ${input.sourceNamespace}/${input.sourceRepository}`,
    target: `${input.targetRegion} ${input.targetNamespace}`,
    tags: tags ?? input.tags?.length,
    selector: input.tagSelector,
    override: input.override,
  };
}

/** POST /api/jobs/plan: the tags the request would sync, before anything is written. */
export async function planJob(input: CreateJobInput, swr: SelectionSwr = getSwrClient()): Promise<JobPlan> {
  const { tags } = await selectTags(input, swr, env().SYNC_MAX_TAGS_PER_JOB);
  return { plan: { count: tags.length, tags: tags.slice(0, PLAN_SAMPLE), truncated: tags.length > PLAN_SAMPLE } };
}

export async function startJob(
  input: CreateJobInput,
  { user, idempotencyKey }: { user: SessionUser; idempotencyKey?: string },
  swr: PreCheckSwr = getSwrClient(),
): Promise<StartJobResult> {
  const requestHash = hashJobRequest(input);
  const actor = { id: user.id, email: user.email };
  const event = { actor, action: "sync_start", detail: auditDetailOf(input) } as const;
  // A refused start has no job yet, so its event names the source repository.
  return auditFailures({ ...event, target: event.detail.source }, async () => {
    const replay = idempotencyKey ? await replayOf(user.id, idempotencyKey, requestHash) : null;
    if (replay) return replay;
    // Without a key (scripts, curl), the same request while its job still runs answers that job instead of syncing the tags twice.
    const running = idempotencyKey ? null : await findRunningJob(db(), user.id, requestHash);
    if (running) return { job: await requireJobDetail(running), created: false, existing: true };
    const selected = await runPreChecks(input, swr, env().SYNC_MAX_TAGS_PER_JOB);
    const { tags: _tags, tagSelector, ...fields } = input;
    const result = await createJob(
      {
        ...fields,
        tagSelector: tagSelector ?? null,
        createdById: user.id,
        tasks: selected.tags.map((tag) => ({ tag, sourceDigest: selected.digests.get(tag) ?? null })),
        idempotencyKey,
        requestHash,
      },
      { ...event, detail: auditDetailOf(input, selected.tags.length), outcome: "success" },
      !idempotencyKey,
    );
    if (result.kind === "created") return { job: await requireJobDetail(result.id), created: true };
    if (result.kind === "running") return { job: await requireJobDetail(result.id), created: false, existing: true };
    // A concurrent request with the same key committed first: answer as its replay.
    const winner = idempotencyKey ? await replayOf(user.id, idempotencyKey, requestHash) : null;
    if (!winner) throw new Error("the Idempotency-Key was taken, yet no job carries it");
    return winner;
  });
}
