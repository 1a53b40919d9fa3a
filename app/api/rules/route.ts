import { route } from "@/lib/api/handler";
import type { CreatedRuleAnswer, DeletedRuleAnswer, RulesAnswer } from "@/lib/rules/dto";
import { listRules } from "@/lib/rules/list";
import { createRule, deleteRule } from "@/lib/rules/manage";
import { createRuleSchema, deleteRuleSchema, rulesQuerySchema } from "@/lib/rules/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/rules — SWR's automatic sync rules of a repository, a namespace, or every namespace of a region
export const GET = route({ role: "viewer", query: rulesQuerySchema }, async ({ query }) =>
  jsonAnswer((await listRules(query)) satisfies RulesAnswer),
);

// POST /api/rules — create an automatic sync rule (admin), and on request sync the tags the target lacks now (201)
export const POST = route({ role: "admin", body: createRuleSchema }, async ({ body, user }) =>
  jsonAnswer((await createRule(body, user)) satisfies CreatedRuleAnswer, { status: 201 }),
);

// DELETE /api/rules — delete the rule of a repository to one target (admin); a rule already gone counts as deleted
export const DELETE = route({ role: "admin", body: deleteRuleSchema }, async ({ body, user }) =>
  jsonAnswer((await deleteRule(body, user)) satisfies DeletedRuleAnswer),
);
