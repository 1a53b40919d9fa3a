// How a tag of the source stands in a target repository, from the two repositories' digests (tag → digest).
// Pure, so the comparison page, the job plan and the rules page share one rule.

/** missing: not in the target; identical: same digest; differs: another digest; only_in_target: not in the source. */
export const COMPARE_OUTCOMES = ["missing", "identical", "differs", "only_in_target"] as const;
export type CompareOutcome = (typeof COMPARE_OUTCOMES)[number];

/** What a job would do with a tag: new (sync it), identical (nothing), overwrite (differs, override on), keep (differs, override off). */
export const PLAN_CLASSES = ["new", "identical", "overwrite", "keep"] as const;
export type PlanClass = (typeof PLAN_CLASSES)[number];

/**
 * A digest SWR did not give ("" or null) cannot prove two tags equal or different: such a tag counts as
 * differing when it exists on both sides, so a job never skips a tag it cannot show to be identical.
 */
export function compareTag(sourceDigest: string | null | undefined, targetDigest: string | null | undefined): Exclude<CompareOutcome, "only_in_target"> {
  if (targetDigest === undefined) return "missing";
  if (sourceDigest && targetDigest && sourceDigest === targetDigest) return "identical";
  return "differs";
}

/** The plan class of a source tag for a target. */
export function planClassOf(sourceDigest: string | null | undefined, targetDigest: string | null | undefined, override: boolean): PlanClass {
  const outcome = compareTag(sourceDigest, targetDigest);
  if (outcome === "missing") return "new";
  if (outcome === "identical") return "identical";
  return override ? "overwrite" : "keep";
}

export interface TagComparison {
  tag: string;
  outcome: CompareOutcome;
  sourceDigest: string | null;
  targetDigest: string | null;
}

/** Every tag of either side, source tags in their given order, then tags only the target has. */
export function compareRepositories(source: ReadonlyMap<string, string | null>, target: ReadonlyMap<string, string | null>): TagComparison[] {
  const out: TagComparison[] = [];
  for (const [tag, digest] of source) {
    const t = target.get(tag);
    out.push({ tag, outcome: compareTag(digest, t === undefined ? undefined : t), sourceDigest: digest || null, targetDigest: t === undefined ? null : t || null });
  }
  for (const [tag, digest] of target) if (!source.has(tag)) out.push({ tag, outcome: "only_in_target", sourceDigest: null, targetDigest: digest || null });
  return out;
}
