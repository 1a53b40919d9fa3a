import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors";
import { compareScopeQuerySchema } from "./schemas";
import { checkCompareScope, MAX_COMPARE_TARGETS } from "./scope";

/** The API's verdict on `input`: the comparison, or the parameters it names problems of (`target.1` for `target.1.region`). */
function apiVerdict(input: Record<string, unknown>) {
  const parsed = compareScopeQuerySchema.safeParse(input);
  if (parsed.success) return { ok: true, scope: parsed.data };
  const keys = Object.keys(zodFieldErrors(parsed.error)).map((k) => k.split(".").slice(0, k.startsWith("target.") ? 2 : 1).join("."));
  return { ok: false, keys: [...new Set(keys)].sort() };
}

function browserVerdict(input: Record<string, unknown>) {
  const checked = checkCompareScope(input);
  return checked.ok ? { ok: true, scope: checked.scope } : { ok: false, keys: Object.keys(checked.problems).sort() };
}

const source = { region: "cn-north-4", namespace: "team-a" };

describe("checkCompareScope", () => {
  it.each<[string, Record<string, unknown>]>([
    ["one target region", { ...source, target: "ap-southeast-1" }],
    ["targets with namespaces, one repository", { ...source, repository: "apps/web", target: ["ap-southeast-1", "cn-east-3/team-b"] }],
    ["a blank repository", { ...source, repository: "  ", target: "cn-east-3" }],
    ["a region with spaces around it", { region: " cn-north-4 ", namespace: "team-a", target: "cn-east-3" }],
    ["a target with spaces around it", { ...source, target: " cn-east-3/team-b " }],
    ["a region the app does not know", { region: "xx-nowhere-9", namespace: "team-a", target: "cn-east-3" }],
    ["no region", { namespace: "team-a", target: "cn-east-3" }],
    ["a namespace SWR would refuse", { region: "cn-north-4", namespace: "Team A", target: "cn-east-3" }],
    ["a repeated namespace", { region: "cn-north-4", namespace: ["team-a", "team-b"], target: "cn-east-3" }],
    ["a repository SWR would refuse", { ...source, repository: "Apps//Web", target: "cn-east-3" }],
    ["no target", { ...source }],
    ["a target of three parts", { ...source, target: "cn-east-3/a/b" }],
    ["a target in an unknown region", { ...source, target: ["cn-east-3", "xx-nowhere-9"] }],
    ["a target namespace SWR would refuse", { ...source, target: "cn-east-3/-x" }],
    ["the source as a target", { ...source, target: ["cn-east-3", "cn-north-4"] }],
    ["the source as a target, namespace spelled out", { ...source, target: "cn-north-4/team-a" }],
    ["the same namespace elsewhere", { ...source, target: "cn-north-4/team-b" }],
    ["a target twice", { ...source, target: ["cn-east-3", "cn-east-3/team-a"] }],
    ["as many targets as allowed", { ...source, target: Array.from({ length: MAX_COMPARE_TARGETS }, (_, i) => `cn-east-3/t-${i}`) }],
    ["one target too many", { ...source, target: Array.from({ length: MAX_COMPARE_TARGETS + 1 }, (_, i) => `cn-east-3/t-${i}`) }],
    ["a bad field and the source as a target", { region: "cn-north-4", namespace: "Team", target: "cn-north-4" }],
  ])("judges %s as the API's schema does", (_, input) => {
    expect(browserVerdict(input)).toEqual(apiVerdict(input));
  });

  it("says which target is the source, and which is named twice", () => {
    expect(checkCompareScope({ ...source, target: ["cn-north-4", "cn-east-3", "cn-east-3"] })).toEqual({
      ok: false,
      problems: {
        "target.0": [{ code: "targetIsSource", target: "cn-north-4/team-a" }],
        "target.2": [{ code: "targetTwice", target: "cn-east-3/team-a" }],
      },
    });
  });
});
