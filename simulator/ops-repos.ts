import type { OpHandler } from "./context";
import { CODES, invalidParameter, swrError } from "./errors";
import { requireRepo } from "./lookup";
import type { Namespace, Repo, Tag } from "./model";
import { compareStrings, listParams, paginate, parseOrderType, parsePage, sortBy } from "./query";
import { compareTimes } from "./time";
import { repoListItemWire, repoStats, repoSummaryWire, tagWire } from "./wire";

// Repositories and tags (contract §8.4–8.6).

const invalidOrderColumn = (value: string, allowed: readonly string[]) =>
  swrError(400, CODES.invalidOrderColumn, `invalid order_column "${value}": expected one of ${allowed.join(", ")}`);

function orderColumn<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (!found) throw invalidOrderColumn(value, allowed);
  return found;
}

function parseBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === "true" || value === "false") return value === undefined ? undefined : value === "true";
  throw invalidParameter(`invalid ${name} "${value}": expected true or false`);
}

const REPO_PARAMS = ["namespace", "name", "category", "is_public", "limit", "offset", "order_column", "order_type"] as const;
const REPO_ORDER = ["updated_time", "name", "tag_count"] as const;

interface Listed {
  ns: Namespace;
  repo: Repo;
  updated: string;
}

// GET /v2/manage/repos — ListReposDetails; `name` is a substring match, `namespace` exact (a substring inside `filter`)
export const listReposDetails: OpHandler = (r) => {
  const { params: p, viaFilter } = listParams(r.query, REPO_PARAMS);
  const page = parsePage(p.limit, p.offset);
  const isPublic = parseBoolean("is_public", p.is_public);
  const column = orderColumn(p.order_column, REPO_ORDER, "updated_time");
  const order = parseOrderType(p.order_type);
  const nsMatches = (name: string) => p.namespace === undefined || (viaFilter ? name.includes(p.namespace) : name === p.namespace);
  const found: Listed[] = r.sim.store
    .namespaces(r.region)
    .filter((ns) => nsMatches(ns.name))
    .flatMap((ns) =>
      ns.repos
        .filter((repo) => (p.name === undefined || repo.name.includes(p.name)) && (p.category === undefined || repo.category === p.category))
        .filter((repo) => isPublic === undefined || repo.is_public === isPublic)
        .map((repo) => ({ ns, repo, updated: repoStats(repo).updated })),
    );
  const compare: Record<(typeof REPO_ORDER)[number], (a: Listed, b: Listed) => number> = {
    updated_time: (a, b) => compareTimes(a.updated, b.updated),
    name: (a, b) => compareStrings(a.repo.name, b.repo.name),
    tag_count: (a, b) => a.repo.tags.length - b.repo.tags.length,
  };
  const sorted = sortBy(found, compare[column], order, (a, b) => compareStrings(a.ns.name, b.ns.name) || compareStrings(a.repo.name, b.repo.name));
  const { items, headers } = paginate(sorted, page);
  return { status: 200, headers, body: items.map(({ ns, repo }) => repoListItemWire(r.region, ns.name, repo, r.sim.account, sorted.length)) };
};

// GET /v2/manage/namespaces/{namespace}/repos/{repository} — ShowRepository
export const showRepository: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  return { status: 200, body: repoSummaryWire(r.region, ns, repo, r.sim.account) };
};

const TAG_PARAMS = ["limit", "offset", "order_column", "order_type", "tag"] as const;
const TAG_ORDER = ["updated_at", "tag"] as const;

// GET /v2/manage/namespaces/{namespace}/repos/{repository}/tags — ListRepositoryTags; `tag` is a substring match
export const listRepositoryTags: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  const { params: p } = listParams(r.query, TAG_PARAMS);
  const page = parsePage(p.limit, p.offset);
  const column = orderColumn(p.order_column, TAG_ORDER, "updated_at");
  const order = parseOrderType(p.order_type);
  const wanted = p.tag;
  const matching = wanted === undefined ? repo.tags : repo.tags.filter((t) => t.Tag.includes(wanted));
  const compare: Record<(typeof TAG_ORDER)[number], (a: Tag, b: Tag) => number> = {
    updated_at: (a, b) => compareTimes(a.updated, b.updated),
    tag: (a, b) => compareStrings(a.Tag, b.Tag),
  };
  const sorted = sortBy(matching, compare[column], order, (a, b) => compareStrings(a.Tag, b.Tag));
  const { items, headers } = paginate(sorted, page);
  return { status: 200, headers, body: items.map((t) => tagWire(r.region, ns.name, repo, t, r.sim.account)) };
};
