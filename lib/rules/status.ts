import "server-only";
import { eachLimited } from "@/lib/collections";
import { compareRepositories } from "@/lib/compare/classify";
import { digestsOf, type RepositoryPlace, type TagWalkSwr, walkTags, walkTargetTags } from "@/lib/compare/walk";
import { MAX_TAGS_PER_JOB } from "@/lib/jobs/limits";
import { type AllPages, describeSwrError, getSwrClient, isSwrError, type Tag } from "@/lib/swr";
import { swrErrorMsg } from "@/lib/swr/errors";
import { messageFields } from "@/lib/validation/message-fields";
import type { RuleStatusesAnswer, RuleWithStatus, TargetStatus } from "./dto";
import { type ListRulesSwr, listRules, RULES_CONCURRENCY } from "./list";
import type { RulesQuery } from "./schemas";

// Whether a rule's target has every tag of its source: one walk of each side, compared by the app's one rule.

interface Digests {
  digests: ReadonlyMap<string, string | null>;
  truncated: boolean;
}

const digestsOfWalk = (walk: AllPages<Tag>): Digests => ({ digests: digestsOf(walk), truncated: walk.truncated });
// No job takes more tags than one walk reads.
const sourceDigests = (swr: TagWalkSwr, side: RepositoryPlace) => walkTags(swr, side, MAX_TAGS_PER_JOB).then(digestsOfWalk);
const targetDigests = (swr: TagWalkSwr, side: RepositoryPlace) => walkTargetTags(swr, side, MAX_TAGS_PER_JOB).then(digestsOfWalk);

export interface Comparison {
  /** Source tags the target does not have, in the source's order. */
  missing: string[];
  sourceTags: number;
  differs: number;
  truncated: boolean;
}

function compare(source: Digests, target: Digests): Comparison {
  const tags = compareRepositories(source.digests, target.digests);
  return {
    missing: tags.filter((t) => t.outcome === "missing").map((t) => t.tag),
    sourceTags: source.digests.size,
    differs: tags.filter((t) => t.outcome === "differs").length,
    truncated: source.truncated,
  };
}

/** The target repository of a rule keeps the source repository's name. */
const targetOf = (r: { targetRegion: string; targetNamespace: string; repository: string }): RepositoryPlace => ({
  region: r.targetRegion,
  namespace: r.targetNamespace,
  repository: r.repository,
});

/** How a rule's target stands against its source now; SwrErrors of either walk are thrown. */
export async function compareRule(
  rule: RepositoryPlace & { targetRegion: string; targetNamespace: string },
  swr: TagWalkSwr = getSwrClient(),
): Promise<Comparison> {
  const [source, target] = await Promise.all([
    sourceDigests(swr, rule),
    targetDigests(swr, targetOf(rule)),
  ]);
  return compare(source, target);
}

function statusOf(c: Comparison): TargetStatus {
  const { sourceTags, differs, truncated } = c;
  return {
    state: c.missing.length === 0 ? "complete" : "incomplete",
    sourceTags,
    missing: c.missing.length,
    differs,
    truncated,
  };
}

/**
 * The rules of `query` with their targets' status, a few walks at a time; each source repository is walked once
 * however many targets its rules have. A walk SWR refuses makes that rule's status unknown, in words.
 */
export async function listRuleStatuses(
  query: RulesQuery,
  swr: ListRulesSwr & TagWalkSwr = getSwrClient(),
): Promise<RuleStatusesAnswer> {
  const listed = await listRules(query, swr);
  const sources = new Map<string, Promise<Digests>>();
  const sourceOf = (side: RepositoryPlace) => {
    const key = [side.region, side.namespace, side.repository].join("\u0000");
    let walk = sources.get(key);
    if (!walk) {
      walk = sourceDigests(swr, side);
      // Every rule of the repository reads this one walk; a failure is reported per rule below.
      walk.catch(() => undefined);
      sources.set(key, walk);
    }
    return walk;
  };
  const rules: RuleWithStatus[] = listed.rules.map((rule) => ({
    ...rule,
    status: { state: "unknown", message: "", key: "errors.internal" },
  }));
  await eachLimited(rules, RULES_CONCURRENCY, async (rule) => {
    try {
      const [source, target] = await Promise.all([sourceOf(rule), targetDigests(swr, targetOf(rule))]);
      rule.status = statusOf(compare(source, target));
    } catch (error) {
      if (!isSwrError(error)) throw error;
      rule.status = { state: "unknown", message: describeSwrError(error), ...messageFields(swrErrorMsg(error)) };
    }
  });
  return { ...listed, rules };
}
