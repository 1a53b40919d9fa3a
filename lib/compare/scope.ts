import { isNamespaceName, isRepositoryName, regionIdOf } from "@/lib/swr/name-rules";
import { isKnownRegion } from "@/lib/swr/regions";

// What a comparison covers, checked in the browser before the compare page asks the API: the rules of schemas.ts
// (which the API parses with) as plain code, since zod would cost the page about 30 kB of gzipped JS. Problems are
// codes; the page words them. schemas.test.ts holds the two to the same verdicts.

export const MAX_COMPARE_TARGETS = 10;

export interface ComparePlace {
  region: string;
  namespace: string;
}

/** A source namespace (or one repository of it) and its targets, each with its namespace filled in. */
export interface CompareScope {
  region: string;
  namespace: string;
  repository?: string;
  targets: ComparePlace[];
}

/** A target as a query value: `region`, or `region/namespace` when the namespace is not the source's. */
export function targetParam(target: ComparePlace, sourceNamespace: string): string {
  return target.namespace === sourceNamespace ? target.region : `${target.region}/${target.namespace}`;
}

export type CompareProblem =
  | { code: "region" | "namespace" | "repository" | "targetShape" | "noTargets" }
  | { code: "tooManyTargets"; max: number }
  | { code: "targetIsSource" | "targetTwice"; target: string };

/** Problems by parameter, keyed as the API keys its field messages (`target`, `target.1`). */
export type CompareProblems = Record<string, CompareProblem[]>;

const knownRegionOf = (text: string) => {
  const id = regionIdOf(text);
  return id !== null && isKnownRegion(id) ? id : null;
};

/** `region` or `region/namespace`, or null when it is neither (a region the app does not know, a bad namespace). */
function targetSpecOf(value: unknown): { region: string; namespace?: string } | null {
  if (typeof value !== "string" || value.length > 200) return null;
  const parts = value.trim().split("/");
  const [region = "", namespace = ""] = parts;
  if (parts.length > 2 || knownRegionOf(region) === null || (namespace !== "" && !isNamespaceName(namespace))) return null;
  return namespace === "" ? { region } : { region, namespace };
}

/** The comparison `input` names (URL parameters or the form's fields), or why it cannot be made. */
export function checkCompareScope(input: {
  region?: unknown;
  namespace?: unknown;
  repository?: unknown;
  target?: unknown;
}): { ok: true; scope: CompareScope } | { ok: false; problems: CompareProblems } {
  const problems: CompareProblems = {};
  const add = (key: string, problem: CompareProblem) => (problems[key] ??= []).push(problem);

  const region = typeof input.region === "string" ? knownRegionOf(input.region) : null;
  if (region === null) add("region", { code: "region" });
  const namespace = typeof input.namespace === "string" && isNamespaceName(input.namespace) ? input.namespace : null;
  if (namespace === null) add("namespace", { code: "namespace" });
  const blank = input.repository === undefined || (typeof input.repository === "string" && input.repository.trim() === "");
  const repository = blank ? undefined : typeof input.repository === "string" && isRepositoryName(input.repository) ? input.repository : null;
  if (repository === null) add("repository", { code: "repository" });

  // A repeated query parameter arrives as a string once and as an array after that.
  const list = typeof input.target === "string" ? [input.target] : Array.isArray(input.target) ? (input.target as unknown[]) : null;
  const specs = (list ?? []).map(targetSpecOf);
  if (list === null) add("target", { code: "targetShape" });
  else if (list.length === 0) add("target", { code: "noTargets" });
  else if (list.length > MAX_COMPARE_TARGETS) add("target", { code: "tooManyTargets", max: MAX_COMPARE_TARGETS });
  else specs.forEach((spec, i) => spec === null && add(`target.${i}`, { code: "targetShape" }));
  if (Object.keys(problems).length > 0 || region === null || namespace === null || repository === null) return { ok: false, problems };

  // Targets with their namespace filled in (the source's by default), each once, none the source itself.
  const targets = specs.map((t) => ({ region: t?.region ?? "", namespace: t?.namespace ?? namespace }));
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const key = `${t.region}/${t.namespace}`;
    if (t.region === region && t.namespace === namespace) add(`target.${i}`, { code: "targetIsSource", target: key });
    else if (seen.has(key)) add(`target.${i}`, { code: "targetTwice", target: key });
    seen.add(key);
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, scope: { region, namespace, ...(repository === undefined ? {} : { repository }), targets } };
}
