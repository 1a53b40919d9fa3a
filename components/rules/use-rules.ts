"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { createRuleSchema, RuleRef } from "@/lib/rules/schemas";
import { createRule, deleteRule, fetchRules, fetchRuleStatuses, ruleKeys, type RulesScope } from "./api";

export function useRules(scope: RulesScope) {
  return useQuery({ queryKey: ruleKeys.list(scope), queryFn: ({ signal }) => fetchRules(scope, signal) });
}

/** The same rules with their targets' status: slower (it walks the tags of both sides), so asked for apart. */
export function useRuleStatuses(scope: RulesScope) {
  return useQuery({
    queryKey: ruleKeys.statuses(scope),
    queryFn: ({ signal }) => fetchRuleStatuses(scope, signal),
  });
}

/** Creating or deleting a rule changes every listing that may hold it. */
function useInvalidateRules() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ruleKeys.all });
}

export function useCreateRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: (input: z.input<typeof createRuleSchema>) => createRule(input),
    onSettled: invalidate,
  });
}

export function useDeleteRule() {
  const invalidate = useInvalidateRules();
  return useMutation({ mutationFn: (ref: RuleRef) => deleteRule(ref), onSettled: invalidate });
}
