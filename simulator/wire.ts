import type { Namespace, Repo, SyncJob, SyncRule, Tag } from "./model";
import { INTERNAL_REGISTRY, registryHost } from "./regions";
import type { RepoStats } from "./store";

// Response bodies with SWR's wire names (contract §8); note the three timestamp namings (§3.7).

export interface Account {
  domainId: string;
  domainName: string;
}

const pullPath = (region: string, namespace: string, repo: string) => `${registryHost(region)}/${namespace}/${repo}`;
const internalPath = (namespace: string, repo: string) => `${INTERNAL_REGISTRY}/${namespace}/${repo}`;

export function namespaceWire(ns: Namespace) {
  return { id: ns.id, name: ns.name, creator_name: ns.creator_name, auth: ns.auth };
}

/** Fields the repository list and the single repository share. */
function repoBasics(repo: Repo, stats: RepoStats) {
  const { name, category, description, is_public, num_download } = repo;
  return { name, category, description, size: stats.size, is_public, num_images: stats.num_images, num_download };
}

export function repoListItemWire(region: string, namespace: string, repo: Repo, stats: RepoStats, account: Account, totalRange: number) {
  return {
    ...repoBasics(repo, stats),
    created_at: repo.created,
    updated_at: stats.updated,
    logo: "",
    url: "",
    path: pullPath(region, namespace, repo.name),
    internal_path: internalPath(namespace, repo.name),
    domain_name: account.domainName,
    namespace,
    tags: repo.tags.map((t) => t.Tag),
    status: false,
    total_range: totalRange,
  };
}

export function repoSummaryWire(region: string, ns: Namespace, repo: Repo, stats: RepoStats, account: Account) {
  return {
    id: repo.id,
    ns_id: ns.id,
    ...repoBasics(repo, stats),
    creator_id: repo.creator_id,
    creator_name: repo.creator_name,
    url: "",
    path: pullPath(region, ns.name, repo.name),
    internal_path: internalPath(ns.name, repo.name),
    created: repo.created,
    updated: stats.updated,
    domain_id: account.domainId,
    priority: 0,
  };
}

export function tagWire(region: string, namespace: string, repo: Repo, tag: Tag, account: Account) {
  return {
    id: tag.id,
    repo_id: repo.id,
    Tag: tag.Tag,
    image_id: tag.image_id,
    manifest: tag.manifest,
    digest: tag.digest,
    schema: tag.schema,
    path: `${pullPath(region, namespace, repo.name)}:${tag.Tag}`,
    internal_path: `${internalPath(namespace, repo.name)}:${tag.Tag}`,
    size: tag.size,
    is_trusted: tag.is_trusted,
    created: tag.created,
    updated: tag.updated,
    deleted: "",
    domain_id: account.domainId,
    scanned: tag.scanned,
    tag_type: tag.tag_type,
  };
}

export function syncJobWire(job: SyncJob) {
  const { region: _region, reason: _reason, ...wire } = job;
  return wire;
}

export function syncRuleWire(rule: SyncRule) {
  const { region: _region, ...wire } = rule;
  return wire;
}
