import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compareRepositories, COMPARE_OUTCOMES } from "@/lib/compare/classify";
import { DEMO_IAM_USER, toIamUser } from "./identity";
import type { SimState } from "./model";
import { isValidNamespace, isValidRepository } from "./names";
import { buildSeedState, SEED, SEED_REGIONS } from "./seed";

const state = buildSeedState(toIamUser(DEMO_IAM_USER));
const repo = (s: SimState, region: string, ns: string, name: string) => s.regions[region]?.find((n) => n.name === ns)?.repos.find((r) => r.name === name);
const tag = (region: string, ns: string, name: string, t: string) => repo(state, region, ns, name)?.tags.find((x) => x.Tag === t);

describe("the seed", () => {
  it("is identical on every build", () => {
    expect(buildSeedState(toIamUser(DEMO_IAM_USER))).toEqual(state);
  });

  it("uses only valid names and real digests of the manifests", () => {
    const all = SEED_REGIONS.flatMap((region) => state.regions[region] ?? []);
    expect(all.every((ns) => isValidNamespace(ns.name) && ns.repos.every((r) => isValidRepository(r.name)))).toBe(true);
    const tags = all.flatMap((ns) => ns.repos.flatMap((r) => r.tags));
    expect(tags.every((t) => t.digest === `sha256:${createHash("sha256").update(t.manifest).digest("hex")}`)).toBe(true);
    expect(new Set(tags.map((t) => t.id)).size).toBe(tags.length);
  });

  it("holds the 5,000-tag repository", () => {
    const { region, namespace, repository, tagCount } = SEED.bigRepository;
    expect(repo(state, region, namespace, repository)?.tags.length).toBe(tagCount);
  });

  it("sets up the documented scenarios", () => {
    const { overrideConflict: c, alreadyInSync: same, missingTargetNamespace: missing } = SEED;
    expect(tag(c.sourceRegion, c.namespace, c.repository, c.tag)?.digest).not.toBe(tag(c.targetRegion, c.namespace, c.repository, c.tag)?.digest);
    expect(tag(same.sourceRegion, same.namespace, same.repository, same.tag)?.digest).toBe(tag(same.targetRegion, same.namespace, same.repository, same.tag)?.digest);
    expect(state.regions[missing.sourceRegion]?.some((ns) => ns.name === missing.namespace)).toBe(true);
    expect(state.regions[missing.targetRegion]?.some((ns) => ns.name === missing.namespace)).toBe(false);
  });

  it("holds the documented comparison of team-a with cn-east-3 and ap-southeast-1", () => {
    const { source, targets } = SEED.comparison;
    const digests = (region: string, name: string) => new Map((repo(state, region, source.namespace, name)?.tags ?? []).map((t) => [t.Tag, t.digest]));
    for (const [region, repositories] of Object.entries(targets)) {
      for (const [name, expected] of Object.entries(repositories)) {
        const rows = compareRepositories(digests(source.region, name), digests(region, name));
        const counts = Object.fromEntries(COMPARE_OUTCOMES.map((o) => [o, rows.filter((r) => r.outcome === o).length]));
        expect({ region, name, ...counts }).toEqual({ region, name, ...expected });
      }
    }
  });
});
