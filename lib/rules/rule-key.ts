import type { RuleDto } from "./dto";

// Free of zod (dto.ts has the schemas), so the rules tables in the browser may import it.

/** One key per rule: SWR allows one rule per repository and target. */
export const ruleKey = (
  r: Pick<RuleDto, "region" | "namespace" | "repository" | "targetRegion" | "targetNamespace">,
) => [r.region, r.namespace, r.repository, r.targetRegion, r.targetNamespace].join("\u0000");
