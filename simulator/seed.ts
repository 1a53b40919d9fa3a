import { buildImage, hashInt, seedTime } from "./images";
import type { IamUser } from "./identity";
import type { IdKind, Namespace, Repo, SimState, Tag } from "./model";

// The seed: the same regions, namespaces, repositories, tags, digests and times on every run.

export interface RepoSpec {
  name: string;
  category: string;
  description?: string;
  isPublic?: boolean;
  /** Tag names, oldest first; a `{ prefix, count }` generates `prefix00001` … */
  tags: readonly string[] | { prefix: string; count: number };
  /** Tags whose image differs from the same tag elsewhere (tag → variant label). */
  variants?: Readonly<Record<string, string>>;
}

export interface NamespaceSpec {
  name: string;
  auth?: 7 | 3 | 1;
  visibleOnly?: boolean;
  repos: readonly RepoSpec[];
}

export const BIG_REPO_TAG_COUNT = 5000;
const generatedTagName = (prefix: string, n: number) => `${prefix}${String(n).padStart(5, "0")}`;
/** The n-th tag (1-based, oldest first) of the 5,000-tag repository: `build-00001` … `build-05000`. */
export const bigRepoTagName = (n: number) => generatedTagName("build-", n);

const nginx = { name: "nginx", category: "app_server", description: "Web server and reverse proxy" } as const;
const redis = { name: "redis", category: "database", description: "In-memory data store" } as const;
const prometheus = { name: "prometheus", category: "app_server" } as const;
const ubuntu = { name: "library/ubuntu", category: "linux", isPublic: true } as const;

export const SEED_LAYOUT = {
  "cn-north-4": [
    {
      name: "team-a",
      repos: [
        { ...nginx, tags: ["1.25.3", "1.25.4", "1.26.0", "alpine", "latest"] },
        { ...redis, tags: ["7.0.15", "7.2.4", "7.2.5", "latest"] },
        { name: "apps/web", category: "other", description: "Storefront", tags: ["1.0.0", "1.1.0", "1.2.0", "latest"] },
        { name: "apps/api", category: "framework_app", tags: ["2.0.0", "2.1.0", "2.1.1", "latest"] },
        { name: "ci-builds", category: "other", description: "CI output", tags: { prefix: "build-", count: BIG_REPO_TAG_COUNT } },
      ],
    },
    {
      name: "team-b",
      repos: [
        { name: "postgres", category: "database", tags: ["15.6", "16.2", "latest"] },
        { name: "busybox", category: "linux", tags: ["1.36", "latest"] },
      ],
    },
    {
      name: "platform",
      auth: 3,
      repos: [
        { ...prometheus, tags: ["v2.51.0", "v2.52.0", "latest"] },
        { name: "grafana", category: "app_server", tags: ["10.4.1", "latest"] },
        { name: "base/alpine", category: "linux", isPublic: true, tags: ["3.19", "3.20"] },
      ],
    },
    {
      name: "mirrors",
      auth: 1,
      repos: [
        { ...ubuntu, tags: ["22.04", "24.04"] },
        { name: "library/debian", category: "linux", isPublic: true, tags: ["bookworm"] },
      ],
    },
    { name: "shared-tools", auth: 1, visibleOnly: true, repos: [{ name: "toolbox", category: "lang", tags: ["1.0"] }] },
  ],
  // team-a in cn-east-3 and ap-southeast-1 is partly in step with cn-north-4: some tags missing, some identical,
  // some with another image (a variant), a few only in the target (see SEED.comparison).
  "cn-east-3": [
    {
      name: "team-a",
      repos: [
        { ...nginx, tags: ["1.24.0", "1.25.3", "latest"], variants: { latest: "rebuilt-in-cn-east-3" } },
        { ...redis, tags: ["7.0.15", "7.2.4", "7.2.5", "latest"] },
        { name: "apps/api", category: "framework_app", tags: ["2.0.0", "2.1.0"], variants: { "2.1.0": "hotfix-in-cn-east-3" } },
      ],
    },
    { name: "team-b", repos: [] },
    { name: "platform", repos: [{ ...prometheus, tags: ["v2.51.0"] }] },
  ],
  "cn-south-1": [
    { name: "team-a", repos: [] },
    { name: "platform", repos: [] },
  ],
  "ap-southeast-1": [
    {
      name: "team-a",
      repos: [
        { ...redis, tags: ["6.2.14", "7.2.4", "7.2.5"], variants: { "7.2.5": "rebuilt-in-ap-southeast-1" } },
        { name: "apps/web", category: "other", description: "Storefront", tags: ["1.0.0", "1.1.0", "latest"], variants: { "1.1.0": "hotfix-in-ap-southeast-1" } },
      ],
    },
    { name: "team-a-backup", repos: [] },
    { name: "mirrors", repos: [{ ...ubuntu, tags: ["22.04"] }] },
  ],
  // Outside SWR's sync regions: browsable, but no sync from or to it.
  "cn-southwest-2": [{ name: "team-a", repos: [{ ...nginx, tags: ["1.25.3", "latest"] }] }],
} as const satisfies Record<string, readonly NamespaceSpec[]>;

export type SeedRegion = keyof typeof SEED_LAYOUT;
export const SEED_REGIONS: readonly SeedRegion[] = ["cn-north-4", "cn-east-3", "cn-south-1", "ap-southeast-1", "cn-southwest-2"];
const layout: Readonly<Record<SeedRegion, readonly NamespaceSpec[]>> = SEED_LAYOUT;

/** Well-known names for tests, docs and the demo. */
export const SEED = {
  regions: { source: "cn-north-4", mirror: "cn-east-3", south: "cn-south-1", overseas: "ap-southeast-1", noSync: "cn-southwest-2" },
  namespaces: {
    teamA: "team-a",
    teamB: "team-b",
    platform: "platform",
    mirrors: "mirrors",
    sharedTools: "shared-tools",
    teamABackup: "team-a-backup",
  },
  repositories: {
    nginx: "nginx",
    redis: "redis",
    appsWeb: "apps/web",
    appsApi: "apps/api",
    ciBuilds: "ci-builds",
    postgres: "postgres",
    busybox: "busybox",
    prometheus: "prometheus",
    grafana: "grafana",
    baseAlpine: "base/alpine",
    ubuntu: "library/ubuntu",
    debian: "library/debian",
    toolbox: "toolbox",
  },
  bigRepository: { region: "cn-north-4", namespace: "team-a", repository: "ci-builds", tagCount: BIG_REPO_TAG_COUNT },
  /** team-b exists in cn-north-4 but not in ap-southeast-1 or cn-south-1. */
  missingTargetNamespace: { sourceRegion: "cn-north-4", targetRegion: "ap-southeast-1", namespace: "team-b" },
  /** nginx:latest differs between cn-north-4 and cn-east-3 (override conflict). */
  overrideConflict: { sourceRegion: "cn-north-4", targetRegion: "cn-east-3", namespace: "team-a", repository: "nginx", tag: "latest" },
  /** nginx:1.25.3 is identical in cn-north-4 and cn-east-3. */
  alreadyInSync: { sourceRegion: "cn-north-4", targetRegion: "cn-east-3", namespace: "team-a", repository: "nginx", tag: "1.25.3" },
  /**
   * team-a of cn-north-4 compared with the same namespace in cn-east-3 and ap-southeast-1: tag counts per repository
   * (repositories a target lacks count every tag as missing).
   */
  comparison: {
    source: { region: "cn-north-4", namespace: "team-a" },
    targets: {
      "ap-southeast-1": {
        nginx: { missing: 5, identical: 0, differs: 0, only_in_target: 0 },
        redis: { missing: 2, identical: 1, differs: 1, only_in_target: 1 },
        "apps/web": { missing: 1, identical: 2, differs: 1, only_in_target: 0 },
        "apps/api": { missing: 4, identical: 0, differs: 0, only_in_target: 0 },
        "ci-builds": { missing: BIG_REPO_TAG_COUNT, identical: 0, differs: 0, only_in_target: 0 },
      },
      "cn-east-3": {
        nginx: { missing: 3, identical: 1, differs: 1, only_in_target: 1 },
        redis: { missing: 0, identical: 4, differs: 0, only_in_target: 0 },
        "apps/web": { missing: 4, identical: 0, differs: 0, only_in_target: 0 },
        "apps/api": { missing: 2, identical: 1, differs: 1, only_in_target: 0 },
        "ci-builds": { missing: BIG_REPO_TAG_COUNT, identical: 0, differs: 0, only_in_target: 0 },
      },
    },
  },
  /** The caller may only read `mirrors` in cn-north-4 (auth 1), so syncing into it is refused. */
  readOnlyNamespace: { region: "cn-north-4", namespace: "mirrors" },
} as const;

const DAY = 86_400_000;
const SEED_EPOCH = Date.UTC(2024, 0, 5, 3, 12, 44);
const REGION_LAG_DAYS: Record<SeedRegion, number> = { "cn-north-4": 0, "cn-east-3": 9, "cn-south-1": 11, "ap-southeast-1": 13, "cn-southwest-2": 17 };

export function tagNamesOf(spec: RepoSpec): string[] {
  const tags = spec.tags;
  if (!("prefix" in tags)) return [...tags];
  return Array.from({ length: tags.count }, (_, i) => generatedTagName(tags.prefix, i + 1));
}

export const imageLabel = (repo: string, tag: string, variant?: string) => `${repo}:${tag}${variant ? `#${variant}` : ""}`;

/** Builds the seed state; `creator` is the IAM user shown as creator of seeded namespaces and repositories. */
export function buildSeedState(creator: IamUser): SimState {
  const nextIds: Record<IdKind, number> = { namespace: 1_343_001, repo: 865_101, tag: 4_200_001, job: 90_001, rule: 41 };
  const take = (kind: IdKind) => nextIds[kind]++;
  const regions: Record<string, Namespace[]> = {};

  for (const region of SEED_REGIONS) {
    const regionStart = SEED_EPOCH + REGION_LAG_DAYS[region] * DAY;
    regions[region] = layout[region].map((ns): Namespace => ({
      id: take("namespace"),
      name: ns.name,
      creator_name: creator.name,
      auth: ns.auth ?? 7,
      visibleOnly: ns.visibleOnly ?? false,
      repos: ns.repos.map((spec): Repo => {
        const created = regionStart + hashInt(`repo-created/${region}/${ns.name}/${spec.name}`, 20) * 3_600_000;
        const names = tagNamesOf(spec);
        const step = names.length > 100 ? 47 * 60_000 : 3 * DAY + hashInt(`step/${spec.name}`, 600) * 60_000;
        return {
          id: take("repo"),
          name: spec.name,
          category: spec.category,
          description: spec.description ?? "",
          is_public: spec.isPublic ?? false,
          num_download: hashInt(`downloads/${region}/${spec.name}`, 5_000),
          creator_id: creator.id,
          creator_name: creator.name,
          created: seedTime(created, `${region}/${ns.name}/${spec.name}`),
          tags: names.map((tag, i): Tag => {
            const time = seedTime(created + (i + 1) * step, `${region}/${ns.name}/${spec.name}:${tag}`);
            return {
              id: take("tag"),
              Tag: tag,
              ...buildImage(imageLabel(spec.name, tag, spec.variants?.[tag])),
              is_trusted: false,
              scanned: i % 3 === 0,
              created: time,
              updated: time,
            };
          }),
        };
      }),
    }));
  }
  return { version: 1, nextIds, regions, syncJobs: [], syncRules: [], tokens: [] };
}

const built = new Map<string, SimState>();

/** A fresh copy of the seed; it is built once per creator and process because 5,000 manifests take a while. */
export function seedState(creator: IamUser): SimState {
  let state = built.get(creator.id);
  if (!state) built.set(creator.id, (state = buildSeedState(creator)));
  return structuredClone(state);
}
