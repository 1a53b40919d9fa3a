import { z } from "zod";
import { messageFieldsShape } from "@/lib/validation/message-fields";

// What the automatic sync rules API sends (docs/api.md "Automatic sync rules"): ONE set of schemas, used by the route
// handlers to shape answers and by the browser as types. App names throughout; only lib/swr speaks SWR's.

const count = z.number().int().nonnegative();

export const ruleDtoSchema = z.object({
  /** SWR's ID of the rule (0 when SWR did not say). */
  id: z.number().int(),
  region: z.string(),
  namespace: z.string(),
  repository: z.string(),
  targetRegion: z.string(),
  targetNamespace: z.string(),
  /** Tags pushed later replace a different image of the same tag in the target. */
  override: z.boolean(),
  /** SWR's switch for the rule; rules made here always have it on. */
  syncAuto: z.boolean(),
  /** ISO-8601 UTC, or as SWR sent it ("" when absent). */
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleDto = z.infer<typeof ruleDtoSchema>;

/** A repository whose rules could not be read, with SWR's reason (in English, and as key and params); the other repositories are still listed. */
export const ruleListFailureSchema = z.object({
  namespace: z.string(),
  repository: z.string(),
  message: z.string(),
  ...messageFieldsShape,
});
export type RuleListFailure = z.infer<typeof ruleListFailureSchema>;

/** GET /api/rules */
export const rulesAnswerSchema = z.object({
  rules: z.array(ruleDtoSchema),
  failures: z.array(ruleListFailureSchema),
  /** More repositories exist than one listing reads; the rules of the rest are not shown. */
  truncated: z.boolean(),
});
export type RulesAnswer = z.infer<typeof rulesAnswerSchema>;

/** How the target stands against the source now: complete when it has every tag of the source. */
export const targetStatusSchema = z.discriminatedUnion("state", [
  z.object({
    state: z.enum(["complete", "incomplete"]),
    /** Tags of the source. */
    sourceTags: count,
    /** Source tags the target does not have. */
    missing: count,
    /** Tags both have, with another image in the target. */
    differs: count,
    /** The source has more tags than one comparison reads: the counts cover the first ones only. */
    truncated: z.boolean(),
  }),
  /** The target could not be compared: SWR's reason, in English and as key and params. */
  z.object({ state: z.literal("unknown"), message: z.string(), ...messageFieldsShape }),
]);
export type TargetStatus = z.infer<typeof targetStatusSchema>;

/** GET /api/rules/status */
export const ruleStatusesAnswerSchema = rulesAnswerSchema.extend({
  rules: z.array(ruleDtoSchema.extend({ status: targetStatusSchema })),
});
export type RuleStatusesAnswer = z.infer<typeof ruleStatusesAnswerSchema>;
export type RuleWithStatus = RuleStatusesAnswer["rules"][number];

/** What became of "also sync the existing tags now". */
export const backfillSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("not_requested") }),
  /** The target already has every tag of the source: no job was started. */
  z.object({ status: z.literal("nothing_missing"), sourceTags: count }),
  /** A sync job for the missing tags; `existing` when the same sync was already running. */
  z.object({ status: z.literal("started"), jobId: z.string().min(1), tags: count, existing: z.boolean() }),
  /** The rule exists, but the job could not start: the reason, as an error answer words it. */
  z.object({ status: z.literal("failed"), error: z.object({ code: z.string(), message: z.string(), ...messageFieldsShape }) }),
]);
export type Backfill = z.infer<typeof backfillSchema>;

/** POST /api/rules */
export const createdRuleAnswerSchema = z.object({ rule: ruleDtoSchema, backfill: backfillSchema });
export type CreatedRuleAnswer = z.infer<typeof createdRuleAnswerSchema>;

/** DELETE /api/rules */
export const deletedRuleAnswerSchema = z.object({
  rule: z.object({
    region: z.string(),
    namespace: z.string(),
    repository: z.string(),
    targetRegion: z.string(),
    targetNamespace: z.string(),
  }),
  /** SWR had no such rule (any more): the outcome is the same. */
  alreadyDeleted: z.boolean(),
});
export type DeletedRuleAnswer = z.infer<typeof deletedRuleAnswerSchema>;

