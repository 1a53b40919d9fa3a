import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { createJob, getJobByIdempotencyKey, requireJobDetail } from "@/lib/db/jobs";
import { AppError } from "@/lib/errors";
import { getSwrClient } from "@/lib/swr";
import type { CreateJobInput } from "@/lib/validation/jobs";
import { auditFailures } from "./audit-failure";
import type { JobDetail } from "./dto";
import { runPreChecks, type PreCheckSwr } from "./pre-checks";
import { hashJobRequest } from "./request-hash";

// POST /api/jobs behind the guard: idempotency, SWR pre-checks, then one transaction writes the job and its tasks.

export interface StartJobResult {
  job: JobDetail;
  /** False when an Idempotency-Key replayed an earlier job. */
  created: boolean;
}

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

function auditDetailOf(input: CreateJobInput) {
  return {
    source: `${input.sourceRegion} ${input.sourceNamespace}/${input.sourceRepository}`,
    target: `${input.targetRegion} ${input.targetNamespace}`,
    tags: input.tags.length,
    override: input.override,
  };
}

export async function startJob(
  input: CreateJobInput,
  { user, idempotencyKey }: { user: SessionUser; idempotencyKey?: string },
  swr: PreCheckSwr = getSwrClient(),
): Promise<StartJobResult> {
  const requestHash = hashJobRequest(input);
  const actor = { id: user.id, email: user.email };
  const detail = auditDetailOf(input);
  const event = { actor, action: "sync_start", detail } as const;
  // A refused start has no job yet, so its event names the source repository.
  return auditFailures({ ...event, target: detail.source }, async () => {
    const replay = idempotencyKey ? await replayOf(user.id, idempotencyKey, requestHash) : null;
    if (replay) return replay;
    const digests = await runPreChecks(input, swr);
    const { tags, ...fields } = input;
    const result = await createJob(
      {
        ...fields,
        createdById: user.id,
        tasks: tags.map((tag) => ({ tag, sourceDigest: digests.get(tag) ?? null })),
        idempotencyKey,
        requestHash,
      },
      { ...event, outcome: "success" },
    );
    if (result.kind === "created") return { job: await requireJobDetail(result.id), created: true };
    // A concurrent request with the same key committed first: answer as its replay.
    const winner = idempotencyKey ? await replayOf(user.id, idempotencyKey, requestHash) : null;
    if (!winner) throw new Error("the Idempotency-Key was taken, yet no job carries it");
    return winner;
  });
}
