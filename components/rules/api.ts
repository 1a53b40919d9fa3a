import type { z } from "zod";
import { apiUrl, getJson, sendJson } from "@/lib/query/api-client";
import {
  createdRuleAnswerSchema,
  type CreatedRuleAnswer,
  deletedRuleAnswerSchema,
  type DeletedRuleAnswer,
  rulesAnswerSchema,
  type RulesAnswer,
  ruleStatusesAnswerSchema,
  type RuleStatusesAnswer,
} from "@/lib/rules/dto";
import type { createRuleSchema, RuleRef } from "@/lib/rules/schemas";

// The automatic sync rules API as the pages see it (docs/api.md "Automatic sync rules"); answers parsed with the server's own schemas.

export interface RulesScope {
  region: string;
  namespace?: string;
  repository?: string;
}

export const ruleKeys = {
  all: ["rules"] as const,
  list: (scope: RulesScope) => [...ruleKeys.all, "list", scope] as const,
  statuses: (scope: RulesScope) => [...ruleKeys.all, "statuses", scope] as const,
};

export function fetchRules(scope: RulesScope, signal?: AbortSignal): Promise<RulesAnswer> {
  return getJson(apiUrl("/api/rules", { ...scope }), rulesAnswerSchema, signal);
}

export function fetchRuleStatuses(scope: RulesScope, signal?: AbortSignal): Promise<RuleStatusesAnswer> {
  return getJson(apiUrl("/api/rules/status", { ...scope }), ruleStatusesAnswerSchema, signal);
}

export function createRule(input: z.input<typeof createRuleSchema>): Promise<CreatedRuleAnswer> {
  return sendJson("POST", "/api/rules", input, createdRuleAnswerSchema);
}

export function deleteRule(ref: RuleRef): Promise<DeletedRuleAnswer> {
  return sendJson("DELETE", "/api/rules", ref, deletedRuleAnswerSchema);
}
