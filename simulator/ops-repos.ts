import type { OpHandler } from "./context";
import { CODES, invalidParameter, swrError } from "./errors";
import { requireRepo } from "./lookup";
import type { Namespace, Repo } from "./model";
import { compareStrings, listParams, paginate, parseOrderType, parsePage, rangeHeaders, sortBy } from "./query";
import type { RepoStats, TagOrder } from "./store";
import { compareTimes } from "./time";
import { repoListItemWire, repoSummaryWire, tagWire } from "./wire";

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
  stats: RepoStats;
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
        .map((repo) => ({ ns, repo, stats: r.sim.store.repoStats(repo) })),
    );
  const compare: Record<(typeof REPO_ORDER)[number], (a: Listed, b: Listed) => number> = {
    updated_time: (a, b) => compareTimes(a.stats.updated, b.stats.updated),
    name: (a, b) => compareStrings(a.repo.name, b.repo.name),
    tag_count: (a, b) => a.stats.num_images - b.stats.num_images,
  };
  const sorted = sortBy(found, compare[column], order, (a, b) => compareStrings(a.ns.name, b.ns.name) || compareStrings(a.repo.name, b.repo.name));
  const { items, headers } = paginate(sorted, page);
  return { status: 200, headers, body: items.map(({ ns, repo, stats }) => repoListItemWire(r.region, ns.name, repo, stats, r.sim.account, sorted.length)) };
};

// GET /v2/manage/namespaces/{namespace}/repos/{repository} — ShowRepository
export const showRepository: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  return { status: 200, body: repoSummaryWire(r.region, ns, repo, r.sim.store.repoStats(repo), r.sim.account) };
};

const TAG_PARAMS = ["limit", "offset", "order_column", "order_type", "tag"] as const;
const TAG_ORDER = ["updated_at", "tag"] as const satisfies readonly TagOrder[];

// GET /v2/manage/namespaces/{namespace}/repos/{repository}/tags — ListRepositoryTags; `tag` is a substring match;
// tags updated at the same time (e.g. synced together) list by name ascending in both directions
export const listRepositoryTags: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  const { params: p } = listParams(r.query, TAG_PARAMS);
  const page = parsePage(p.limit, p.offset);
  const column = orderColumn(p.order_column, TAG_ORDER, "updated_at");
  const order = parseOrderType(p.order_type);
  const wanted = p.tag;
  const all = r.sim.store.tagsIn(repo, column);
  const matching = wanted === undefined ? all : all.where((t) => t.Tag.includes(wanted));
  const items = matching.page(order, page.offset, page.limit);
  return { status: 200, headers: rangeHeaders(page, items.length, matching.length), body: items.map((t) => tagWire(r.region, ns.name, repo, t, r.sim.account)) };
};
