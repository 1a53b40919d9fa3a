import type { z } from "zod";
import { apiUrl, getJson, sendJson } from "@/lib/query/api-client";
import type { CreatedRuleAnswer, DeletedRuleAnswer, RulesAnswer, RuleStatusesAnswer } from "@/lib/rules/dto";
import type { createRuleSchema, RuleRef } from "@/lib/rules/schemas";

// The automatic sync rules API as the pages see it (docs/api.md "Automatic sync rules"); answers are typed by the server's own DTOs.

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
  return getJson<RulesAnswer>(apiUrl("/api/rules", { ...scope }), signal);
}

export function fetchRuleStatuses(scope: RulesScope, signal?: AbortSignal): Promise<RuleStatusesAnswer> {
  return getJson<RuleStatusesAnswer>(apiUrl("/api/rules/status", { ...scope }), signal);
}

export function createRule(input: z.input<typeof createRuleSchema>): Promise<CreatedRuleAnswer> {
  return sendJson<CreatedRuleAnswer>("POST", "/api/rules", input);
}

export function deleteRule(ref: RuleRef): Promise<DeletedRuleAnswer> {
  return sendJson<DeletedRuleAnswer>("DELETE", "/api/rules", ref);
}
