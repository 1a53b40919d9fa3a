import type {
  CreatedRuleAnswer,
  DeletedRuleAnswer,
  RuleDto,
  RulesAnswer,
  RuleStatusesAnswer,
} from "@/lib/rules/dto";
import {
  createdRuleAnswerSchema,
  deletedRuleAnswerSchema,
  ruleStatusesAnswerSchema,
  rulesAnswerSchema,
} from "@/lib/rules/dto";
import { createRuleSchema, deleteRuleSchema, rulesQuerySchema } from "@/lib/rules/schemas";
import { type Example, type Operation, SWR_ERRORS } from "../operation";

// SWR's automatic sync rules (docs/api.md "Automatic sync rules"): read by anyone, created and deleted by admins.

const REF = {
  region: "cn-north-4",
  namespace: "team-a",
  repository: "nginx",
  targetRegion: "ap-southeast-1",
  targetNamespace: "team-a",
};
const RULE: RuleDto = {
  id: 41,
  ...REF,
  override: false,
  syncAuto: true,
  createdAt: "2026-12-06T09:30:00.000Z",
  updatedAt: "2026-12-06T09:30:00.000Z",
};

const CREATE_EXAMPLES: Record<string, Example> = {
  backfill: {
    summary: "A rule, and a job now for the tags the target lacks",
    value: { ...REF, override: false, backfill: true },
  },
  ruleOnly: {
    summary: "Only the rule: later pushes, replacing different images in the target",
    value: { ...REF, override: true },
  },
};
const created = (backfill: CreatedRuleAnswer["backfill"]): CreatedRuleAnswer => ({ rule: RULE, backfill });
const CREATED_EXAMPLES: Record<string, Example> = {
  started: {
    summary: "The rule, and the job for the 5 missing tags",
    value: created({ status: "started", jobId: "cm4x7k2p10000abcd1234efgh", tags: 5, existing: false }),
  },
  nothingMissing: {
    summary: "The target already had every tag: no job",
    value: created({ status: "nothing_missing", sourceTags: 5 }),
  },
  failed: {
    summary: "The rule exists, but the job could not start",
    value: created({
      status: "failed",
      error: {
        code: "swr_unavailable",
        message: "SWR internal error in ap-southeast-1; try again later.",
        key: "swrErrors.internal",
        params: { service: "SWR", region: "ap-southeast-1" },
      },
    }),
  },
};
const RULES: RulesAnswer = { rules: [RULE], failures: [], truncated: false };
const RULES_EXAMPLES: Record<string, Example> = {
  one: { summary: "One rule", value: RULES },
  failure: {
    summary: "A repository whose rules SWR would not give",
    value: {
      ...RULES,
      failures: [
        {
          namespace: "team-a",
          repository: "redis",
          message: "SWR internal error in cn-north-4; try again later.",
          key: "swrErrors.internal",
          params: { service: "SWR", region: "cn-north-4" },
        },
      ],
    },
  },
};
const STATUSES: RuleStatusesAnswer = {
  rules: [
    { ...RULE, status: { state: "incomplete", sourceTags: 5, missing: 2, differs: 0, truncated: false } },
    {
      ...RULE,
      id: 42,
      targetRegion: "cn-east-3",
      status: { state: "complete", sourceTags: 5, missing: 0, differs: 1, truncated: false },
    },
  ],
  failures: [],
  truncated: false,
};
const DELETED: DeletedRuleAnswer = { rule: REF, alreadyDeleted: false };

const QUERY_NOTES = {
  region: "The source region.",
  namespace: "One namespace; every namespace of the region when left out.",
  repository: "One repository of `namespace` (a name with `/` as it is, e.g. `apps/web`).",
};
const LISTING =
  "Without `repository`, SWR is asked for the rules of every repository (at most 1,000), four at a time; a repository whose rules SWR will not give is listed in `failures` with the reason in words, and the rest are answered. With `repository`, a repository SWR does not have answers 404.";

export const RULE_OPERATIONS: Operation[] = [
  {
    id: "listRules",
    method: "get",
    path: "/api/rules",
    summary: "List automatic sync rules",
    description: `SWR's automatic sync rules of one repository, a namespace, or every namespace of a region, by namespace, repository and target. ${LISTING}`,
    tag: "Sync rules",
    access: "viewer",
    query: rulesQuerySchema,
    notes: QUERY_NOTES,
    responses: [
      {
        status: 200,
        description: "The rules.",
        json: { schema: rulesAnswerSchema, name: "RulesAnswer", examples: RULES_EXAMPLES },
      },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "listRuleStatuses",
    method: "get",
    path: "/api/rules/status",
    summary: "Whether each rule's target is complete",
    description: `The rules of \`GET /api/rules\`, each with how its target stands now: \`complete\` when the target repository (the source's name in the target namespace) has every tag of the source, else \`incomplete\` with the number missing; \`differs\` counts tags both have with another image. One walk of each source repository and of each target, four rules at a time; a walk SWR refuses makes that rule \`unknown\` with the reason in words. ${LISTING}`,
    tag: "Sync rules",
    access: "viewer",
    query: rulesQuerySchema,
    notes: QUERY_NOTES,
    responses: [
      {
        status: 200,
        description: "The rules with their targets' status.",
        json: {
          schema: ruleStatusesAnswerSchema,
          name: "RuleStatusesAnswer",
          examples: { two: { summary: "One target missing tags, one complete", value: STATUSES } },
        },
      },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "createRule",
    method: "post",
    path: "/api/rules",
    summary: "Create an automatic sync rule",
    description: [
      "From now on SWR copies every tag pushed to the repository to the target namespace (same repository name); `override` lets it replace a different image of the same tag there. SWR requires administrator permission for rules, so this is for admins. A second rule to the same target answers 409; a target namespace SWR does not have answers 422 with `fields.targetNamespace`; a source repository it does not have, 404. Audited as `sync_rule_create`.",
      "SWR's rules carry only tags pushed after they exist. With `backfill: true` the server then compares the source with the target (one walk of each; a target repository that does not exist yet is empty) and starts a normal sync job, override off, for the tags the target does not have: `backfill.status` is `started` (with the job), `nothing_missing`, or `failed` with the reason — the rule is kept either way, so the answer is 201.",
    ].join("\n\n"),
    tag: "Sync rules",
    access: "admin",
    body: { schema: createRuleSchema, name: "CreateRuleRequest", examples: CREATE_EXAMPLES },
    responses: [
      {
        status: 201,
        description: "The rule was created.",
        json: { schema: createdRuleAnswerSchema, name: "CreatedRuleAnswer", examples: CREATED_EXAMPLES },
      },
    ],
    errors: [404, 409, 422, ...SWR_ERRORS],
  },
  {
    id: "deleteRule",
    method: "delete",
    path: "/api/rules",
    summary: "Delete an automatic sync rule",
    description:
      "SWR names a rule by its repository and target. A rule SWR no longer has answers 200 with `alreadyDeleted: true`: the outcome is the same. Admins only; audited as `sync_rule_delete`.",
    tag: "Sync rules",
    access: "admin",
    body: {
      schema: deleteRuleSchema,
      name: "DeleteRuleRequest",
      examples: { one: { summary: "The rule to ap-southeast-1 team-a", value: REF } },
    },
    responses: [
      {
        status: 200,
        description: "The rule is gone.",
        json: {
          schema: deletedRuleAnswerSchema,
          name: "DeletedRuleAnswer",
          examples: { deleted: { summary: "Deleted", value: DELETED } },
        },
      },
    ],
    errors: [404, ...SWR_ERRORS],
  },
];
