import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { msg } from "@/i18n/message";
import { recordAudit } from "@/lib/db/audit";
import { AppError, isUnexpected } from "@/lib/errors";
import { auditFailures } from "@/lib/jobs/audit-failure";
import { type StartJobResult, startJob } from "@/lib/jobs/start";
import type { JobRequest } from "@/lib/jobs/schemas";
import { logger } from "@/lib/log";
import { getSwrClient, isSwrError, type SwrClient, toAppError } from "@/lib/swr";
import { messageFields } from "@/lib/validation/message-fields";
import type { Backfill, CreatedRuleAnswer, DeletedRuleAnswer, RuleDto } from "./dto";
import { toRuleDto } from "./list";
import type { CreateRuleInput, RuleRef } from "./schemas";
import { compareRule } from "./status";

// Creating and deleting automatic sync rules (SWR asks for administrator permission), each audited, and the
// backfill: SWR's rules carry only tags pushed after they exist, so the tags the target lacks go in a normal job.

export type ManageRulesSwr = Pick<
  SwrClient,
  "listAutoSyncRules" | "createAutoSyncRule" | "deleteAutoSyncRule" | "listAllTags"
>;
export type StartBackfillJob = (
  input: JobRequest,
  options: { user: SessionUser },
) => Promise<StartJobResult>;

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });
/** How the audit log and messages name a rule: `cn-north-4 team-a/nginx → ap-southeast-1 team-a`. */
const ruleName = (r: RuleRef) =>
  `${r.region} ${r.namespace}/${r.repository} → ${r.targetRegion} ${r.targetNamespace}`;
const sameTarget = (r: RuleRef) => (rule: RuleDto) =>
  rule.targetRegion === r.targetRegion && rule.targetNamespace === r.targetNamespace;

function ruleExists(r: RuleRef): AppError {
  return new AppError(
    "conflict",
    msg("jobErrors.rules.exists", { repository: `${r.namespace}/${r.repository}`, region: r.region, targetNamespace: r.targetNamespace, targetRegion: r.targetRegion }),
  );
}

/** Sends the rule to SWR: the source repository must exist, and no rule to the same target may exist yet. */
async function createInSwr(input: CreateRuleInput, swr: ManageRulesSwr): Promise<RuleDto> {
  const { region, namespace, repository } = input;
  const rulesNow = async () =>
    (await swr.listAutoSyncRules(region, namespace, repository)).map((r) => toRuleDto(input, r));
  if ((await rulesNow()).some(sameTarget(input))) throw ruleExists(input);
  try {
    await swr.createAutoSyncRule(region, namespace, repository, {
      remoteRegionId: input.targetRegion,
      remoteNamespace: input.targetNamespace,
      override: input.override,
      syncAuto: true,
    });
  } catch (error) {
    // The source repository was just read, so a 404 is about the target namespace.
    if (isSwrError(error) && error.status === 404) {
      const message = msg("swrErrors.namespaceMissing", { namespace: input.targetNamespace, region: input.targetRegion });
      throw new AppError("unprocessable", message, { targetNamespace: [message] });
    }
    // A 409 that may pass on retrying is SWR being busy, not the rule existing.
    if (isSwrError(error) && error.status === 409 && !error.retryable) throw ruleExists(input);
    throw error;
  }
  // SWR answers a creation without the rule; when reading it back fails, the rule still exists, so answer what was
  // sent, with the ID and times SWR did not give left empty.
  const created = await rulesNow().then(
    (rules) => rules.find(sameTarget(input)),
    () => undefined,
  );
  return created ?? { id: 0, ...refOf(input), override: input.override, syncAuto: true, createdAt: "", updatedAt: "" };
}

const refOf = ({ region, namespace, repository, targetRegion, targetNamespace }: RuleRef): RuleRef => ({
  region,
  namespace,
  repository,
  targetRegion,
  targetNamespace,
});

/** Starts a normal job (override off) for the source tags the target lacks; never throws: a failure is the answer. */
export async function backfillRule(
  rule: RuleRef,
  user: SessionUser,
  swr: ManageRulesSwr,
  start: StartBackfillJob,
): Promise<Backfill> {
  try {
    const { missing, sourceTags } = await compareRule(rule, swr);
    if (missing.length === 0) return { status: "nothing_missing", sourceTags };
    const { job, created } = await start(
      {
        source: { region: rule.region, namespace: rule.namespace },
        repositories: [{ name: rule.repository, tags: missing }],
        targets: [{ region: rule.targetRegion, namespace: rule.targetNamespace }],
        override: false,
        single: true,
      },
      { user },
    );
    return { status: "started", jobId: job.id, tags: missing.length, existing: !created };
  } catch (error) {
    if (isUnexpected(error) && !isSwrError(error))
      logger("rules").error({ err: error }, "the backfill of a new sync rule failed");
    const { code, message, msg: m } = toAppError(error);
    return { status: "failed", error: { code, message, ...messageFields(m) } };
  }
}

/** POST /api/rules behind the guard (admin): the rule in SWR, its audit event, then the backfill when asked for. */
export async function createRule(
  input: CreateRuleInput,
  user: SessionUser,
  swr: ManageRulesSwr = getSwrClient(),
  start: StartBackfillJob = startJob,
): Promise<CreatedRuleAnswer> {
  const event = {
    actor: actorOf(user),
    action: "sync_rule_create",
    target: ruleName(input),
    detail: { override: input.override, backfill: input.backfill },
  } as const;
  const rule = await auditFailures(event, async () => {
    const created = await createInSwr(input, swr);
    await recordAudit({ ...event, outcome: "success", detail: { ...event.detail, id: created.id } });
    return created;
  });
  const backfill: Backfill = input.backfill
    ? await backfillRule(input, user, swr, start)
    : { status: "not_requested" };
  return { rule, backfill };
}

/** DELETE /api/rules behind the guard (admin); a rule SWR no longer has counts as deleted. */
export async function deleteRule(
  ref: RuleRef,
  user: SessionUser,
  swr: ManageRulesSwr = getSwrClient(),
): Promise<DeletedRuleAnswer> {
  const event = { actor: actorOf(user), action: "sync_rule_delete", target: ruleName(ref) } as const;
  return auditFailures(event, async () => {
    const { alreadyDeleted } = await swr.deleteAutoSyncRule(ref.region, ref.namespace, ref.repository, {
      remoteRegionId: ref.targetRegion,
      remoteNamespace: ref.targetNamespace,
    });
    await recordAudit({ ...event, outcome: "success", detail: { alreadyDeleted } });
    return { rule: refOf(ref), alreadyDeleted };
  });
}
