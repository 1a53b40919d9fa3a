import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { createSwrClient, manyReadsRetry, swrConfigFromEnv } from "@/lib/swr";
import { auditFailures } from "./audit-failure";
import type { JobDetail, JobPlan } from "./dto";
import { describePlan, planTasks, type PlanSwr } from "./plan";
import { hashJobRequest } from "./request-hash";
import type { JobRequest, TagSelector } from "./schemas";
import { createJob, findRunningJob, getJobByIdempotencyKey, requireJobDetail } from "./store";

// POST /api/jobs behind the guard: idempotency, the plan from SWR (which also checks the request against it),
// then one transaction writes the job and its tasks.

export interface StartJobResult {
  job: JobDetail;
  /** False when an Idempotency-Key replayed an earlier job, or the same request's job is still running. */
  created: boolean;
  /** Without a key: the same request's earlier job was still running, so no second one was started. */
  existing?: boolean;
}

/** The earlier job of this key when the request is the same; 422 when the key was used for another request. */
async function replayOf(userId: string, key: string, requestHash: string): Promise<StartJobResult | null> {
  const earlier = await getJobByIdempotencyKey(userId, key);
  if (!earlier) return null;
  if (earlier.requestHash !== requestHash) {
    throw new AppError("idempotency_mismatch", msg("jobErrors.idempotencyKeyReused", { id: earlier.id }));
  }
  return { job: await requireJobDetail(earlier.id), created: false };
}

function auditDetailOf(input: JobRequest, tasks?: number) {
  const { source, repositories, targets } = input;
  const one = repositories.length === 1 ? repositories[0] : undefined;
  return {
    source: one ? `${source.region} ${source.namespace}/${one.name}` : `${source.region} ${source.namespace} (${repositories.length} repositories)`,
    target: targets.map((t) => `${t.region} ${t.namespace}`).join(", "),
    ...(repositories.length > 1 ? { repositories: repositories.map((r) => r.name).slice(0, 50) } : {}),
    tags: tasks ?? (one?.tags?.length || undefined),
    selector: one?.tagSelector,
    override: input.override,
  };
}

/** The selector every repository shares, if they choose their tags the same way. */
function sharedSelector(input: JobRequest): TagSelector | null {
  const first = input.repositories[0]?.tagSelector;
  if (!first) return null;
  return input.repositories.every((r) => r.tagSelector && JSON.stringify(r.tagSelector) === JSON.stringify(first)) ? first : null;
}

/** The longest wait between two tries of one of a plan's reads: the person is waiting for the plan in the sync panel. */
const PLAN_RETRY_MAX_DELAY_MS = 1_000;
let planSwr: PlanSwr | undefined;

/**
 * The client a job's plan reads SWR with. A plan needs every read it makes (each target namespace, each source and
 * target repository: more than 100 for a namespace of 50 repositories) and stops at the first that fails, so its
 * reads are retried as work made of many reads is (manyReadsRetry), not as the dashboard's single reads.
 */
function getPlanSwrClient(): PlanSwr {
  planSwr ??= createSwrClient({ ...swrConfigFromEnv(env()), ...manyReadsRetry(env(), PLAN_RETRY_MAX_DELAY_MS) });
  return planSwr;
}

/** POST /api/jobs/plan: what the request would do, before anything is written. */
export async function planJob(input: JobRequest, swr: PlanSwr = getPlanSwrClient()): Promise<JobPlan> {
  return { plan: describePlan(await planTasks(input, swr, env().SYNC_MAX_TAGS_PER_JOB)) };
}

export async function startJob(
  input: JobRequest,
  { user, idempotencyKey }: { user: SessionUser; idempotencyKey?: string },
  swr: PlanSwr = getPlanSwrClient(),
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
    const tasks = await planTasks(input, swr, env().SYNC_MAX_TAGS_PER_JOB);
    const result = await createJob(
      {
        sourceRegion: input.source.region,
        sourceNamespace: input.source.namespace,
        repositories: input.repositories.map((r) => r.name),
        targets: input.targets,
        override: input.override,
        tagSelector: sharedSelector(input),
        createdById: user.id,
        tasks,
        idempotencyKey,
        requestHash,
      },
      { ...event, detail: auditDetailOf(input, tasks.length), outcome: "success" },
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
