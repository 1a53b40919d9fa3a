import { route } from "@/lib/api/handler";
import type { RuleStatusesAnswer } from "@/lib/rules/dto";
import { rulesQuerySchema } from "@/lib/rules/schemas";
import { listRuleStatuses } from "@/lib/rules/status";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/rules/status — the rules of GET /api/rules, each with whether its target has every tag of the source now
export const GET = route({ role: "viewer", query: rulesQuerySchema }, async ({ query }) =>
  jsonAnswer((await listRuleStatuses(query)) satisfies RuleStatusesAnswer),
);
