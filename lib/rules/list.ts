import "server-only";
import { eachLimited } from "@/lib/collections";
import { type AutoSyncRule, describeSwrError, getSwrClient, isSwrError, type SwrClient } from "@/lib/swr";
import { swrErrorMsg } from "@/lib/swr/errors";
import { messageFields } from "@/lib/validation/message-fields";
import type { RuleDto, RuleListFailure, RulesAnswer } from "./dto";
import type { RulesQuery } from "./schemas";

// Reading SWR's automatic sync rules: one repository's, or every repository's of a namespace or region.

export type ListRulesSwr = Pick<SwrClient, "listAutoSyncRules" | "listAllRepos">;

/** SWR calls one listing makes at once: enough to read a namespace quickly, few enough not to be throttled. */
export const RULES_CONCURRENCY = 4;
/** The most repositories one listing reads the rules of (one SWR call each). */
export const MAX_RULE_REPOSITORIES = 1000;

const byTarget = (a: RuleDto, b: RuleDto) =>
  a.namespace.localeCompare(b.namespace) ||
  a.repository.localeCompare(b.repository) ||
  a.targetRegion.localeCompare(b.targetRegion) ||
  a.targetNamespace.localeCompare(b.targetNamespace);

/** SWR's record in the app's names; the repository asked about fills in what SWR left out. */
export function toRuleDto(
  ref: { region: string; namespace: string; repository: string },
  rule: AutoSyncRule,
): RuleDto {
  return {
    id: rule.id,
    region: ref.region,
    namespace: rule.namespace || ref.namespace,
    repository: rule.repoName || ref.repository,
    targetRegion: rule.remoteRegionId,
    targetNamespace: rule.remoteNamespace,
    override: rule.override,
    syncAuto: rule.syncAuto,
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
  };
}

/** The rules of one repository, by target; an SwrError (404 in words) when the repository does not exist. */
export async function listRepositoryRules(
  ref: { region: string; namespace: string; repository: string },
  swr: Pick<SwrClient, "listAutoSyncRules"> = getSwrClient(),
): Promise<RuleDto[]> {
  const rules = await swr.listAutoSyncRules(ref.region, ref.namespace, ref.repository);
  return rules.map((r) => toRuleDto(ref, r)).sort(byTarget);
}

/**
 * One repository's rules, or those of every repository of a namespace (or of the whole region), read a few
 * repositories at a time. A repository whose rules SWR will not give is reported in words without failing the rest.
 */
export async function listRules(query: RulesQuery, swr: ListRulesSwr = getSwrClient()): Promise<RulesAnswer> {
  const { region, namespace, repository } = query;
  if (namespace && repository) {
    return {
      rules: await listRepositoryRules({ region, namespace, repository }, swr),
      failures: [],
      truncated: false,
    };
  }
  const repos = await swr.listAllRepos(
    region,
    { namespace },
    { pageSize: 1000, maxItems: MAX_RULE_REPOSITORIES },
  );
  const rules: RuleDto[] = [];
  const failures: RuleListFailure[] = [];
  await eachLimited(repos.items, RULES_CONCURRENCY, async (repo) => {
    const ref = { region, namespace: repo.namespace || namespace || "", repository: repo.name };
    try {
      rules.push(...(await listRepositoryRules(ref, swr)));
    } catch (error) {
      if (!isSwrError(error)) throw error;
      failures.push({
        namespace: ref.namespace,
        repository: ref.repository,
        message: describeSwrError(error),
        ...messageFields(swrErrorMsg(error)),
      });
    }
  });
  failures.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.repository.localeCompare(b.repository));
  return { rules: rules.sort(byTarget), failures, truncated: repos.truncated };
}
