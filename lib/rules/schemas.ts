import { z } from "zod";
import { namespaceNameSchema, repositoryNameSchema } from "@/lib/swr/names";
import { syncRegionProblem } from "@/lib/swr/regions";
import { knownRegionSchema } from "@/lib/validation/browse";
import { customIssue } from "@/lib/validation/issue-messages";

// Inputs of the automatic sync rules API (docs/api.md "Automatic sync rules"); pure, so the browser checks with them too.

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The source repository of a rule, and the target it copies to (the target repository keeps the source's name). */
const ruleFields = {
  region: knownRegionSchema,
  namespace: namespaceNameSchema,
  repository: repositoryNameSchema,
  targetRegion: knownRegionSchema,
  targetNamespace: namespaceNameSchema,
};

const SAME_REGION = "jobErrors.rules.targetIsSource";

/** POST /api/rules */
export const createRuleSchema = z
  .strictObject({
    ...ruleFields,
    override: z.boolean(),
    /** Also start a sync job now for the tags the target does not have yet (a rule carries only new pushes). */
    backfill: z.boolean().default(false),
  })
  .refine((r) => r.region !== r.targetRegion, { path: ["targetRegion"], message: SAME_REGION })
  .superRefine((r, ctx) => {
    const problem = syncRegionProblem(r.region, r.targetRegion);
    if (problem) ctx.addIssue(customIssue(problem.msg, [problem.end === "source" ? "region" : "targetRegion"]));
  });
export type CreateRuleInput = z.output<typeof createRuleSchema>;

/** DELETE /api/rules: SWR names a rule by its repository and target. */
export const deleteRuleSchema = z
  .strictObject(ruleFields)
  .refine((r) => r.region !== r.targetRegion, { path: ["targetRegion"], message: SAME_REGION });
export type RuleRef = z.output<typeof deleteRuleSchema>;

/** GET /api/rules and /api/rules/status: one repository's rules, a namespace's, or every namespace's of a region. */
export const rulesQuerySchema = z
  .object({
    region: knownRegionSchema,
    namespace: z.preprocess(emptyToUndefined, namespaceNameSchema.optional()),
    repository: z.preprocess(emptyToUndefined, repositoryNameSchema.optional()),
  })
  .refine((q) => q.repository === undefined || q.namespace !== undefined, {
    path: ["namespace"],
    message: "jobErrors.rules.namespaceNeeded",
  });
export type RulesQuery = z.output<typeof rulesQuerySchema>;
