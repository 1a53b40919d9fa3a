import type { IdKind, IssuedToken, Namespace, Repo, SimState, SyncJob, SyncRule, Tag } from "./model";
import { SortedList, type SortKey } from "./sorted-list";
import { compareTimes, timeKey } from "./time";

export type RepoTemplate = Pick<Repo, "name" | "category" | "description" | "is_public">;
export type TagContent = Omit<Tag, "id">;
export interface Creator {
  id: string;
  name: string;
}

/** What readers of an index may do; only the store changes it. */
export type ReadonlySortedList<T> = Pick<SortedList<T>, "length" | "last" | "page" | "where">;

/** The orders ListRepositoryTags offers. */
export type TagOrder = "tag" | "updated_at";

/** Size, tag count and last update of a repository, always derived from its tags. */
export interface RepoStats {
  size: number;
  num_images: number;
  updated: string;
}

/** Key (a name, a token) → item for one array of the state, built on first use so a loaded or replaced state needs no rebuild step. */
class KeyIndex<T> {
  private readonly maps = new WeakMap<readonly T[], Map<string, T>>();

  constructor(private readonly keyOf: (item: T) => string) {}

  get(list: readonly T[], key: string): T | undefined {
    return this.mapOf(list).get(key);
  }

  push(list: T[], item: T): void {
    const map = this.mapOf(list);
    list.push(item);
    if (!map.has(this.keyOf(item))) map.set(this.keyOf(item), item);
  }

  private mapOf(list: readonly T[]): Map<string, T> {
    let map = this.maps.get(list);
    if (!map) {
      map = new Map();
      // The first of equal keys wins, as a linear `find` would.
      for (const item of list) if (!map.has(this.keyOf(item))) map.set(this.keyOf(item), item);
      this.maps.set(list, map);
    }
    return map;
  }
}

/** A repository's tags in both list orders and their total size; kept in step with `repo.tags`. */
interface TagIndex {
  orders: Record<TagOrder, SortedList<Tag>>;
  size: number;
}

const TAG_SORT_KEYS: Record<TagOrder, (t: Tag) => SortKey> = {
  tag: (t) => ({ key: t.Tag, tie: "" }),
  // Tags updated at the same instant (one sync batch) list by name, in both directions.
  updated_at: (t) => ({ key: timeKey(t.updated), tie: t.Tag }),
};

// Creation time, then ID: a unique key, so descending is the exact reverse, as ShowSyncJob always sorted.
const jobSortKey = (j: SyncJob): SortKey => ({ key: `${timeKey(j.createdAt)}#${String(j.id).padStart(16, "0")}`, tie: "" });
const jobListKey = (region: string, namespace: string, repoName: string) => `${region}/${namespace}/${repoName}`;

/**
 * The simulator's data: every mutation goes through here so persistence hears about it and the indexes
 * (kept beside the state, never saved) stay in step. Lookups and pages cost O(log n) or O(page), not O(n).
 */
export class Store {
  private readonly namespaceIndex = new KeyIndex<Namespace>((ns) => ns.name);
  private readonly repoIndex = new KeyIndex<Repo>((repo) => repo.name);
  private readonly tagNameIndex = new KeyIndex<Tag>((t) => t.Tag);
  private readonly tagIndexes = new WeakMap<Repo, TagIndex>();
  private readonly tokenIndex = new KeyIndex<IssuedToken>((t) => t.token);
  /** Sync job records per source repository; undefined until first used after a (re)load. */
  private jobIndex: Map<string, SortedList<SyncJob>> | undefined;

  constructor(
    private state: SimState,
    private readonly onChange: () => void,
  ) {}

  get snapshot(): SimState {
    return this.state;
  }

  replace(state: SimState): void {
    this.state = state;
    this.jobIndex = undefined;
    this.changed();
  }

  changed(): void {
    this.onChange();
  }

  nextId(kind: IdKind): number {
    const id = this.state.nextIds[kind];
    this.state.nextIds[kind] = id + 1;
    return id;
  }

  namespaces(region: string): Namespace[] {
    return this.state.regions[region] ?? [];
  }

  namespace(region: string, name: string): Namespace | undefined {
    return this.namespaceIndex.get(this.namespaces(region), name);
  }

  addNamespace(region: string, name: string, creator: Creator, auth = 7): Namespace {
    const ns: Namespace = { id: this.nextId("namespace"), name, creator_name: creator.name, auth, visibleOnly: false, repos: [] };
    this.namespaceIndex.push((this.state.regions[region] ??= []), ns);
    this.changed();
    return ns;
  }

  repo(ns: Namespace, name: string): Repo | undefined {
    return this.repoIndex.get(ns.repos, name);
  }

  addRepo(ns: Namespace, template: RepoTemplate, creator: Creator, created: string): Repo {
    const repo: Repo = { ...template, id: this.nextId("repo"), num_download: 0, creator_id: creator.id, creator_name: creator.name, created, tags: [] };
    this.repoIndex.push(ns.repos, repo);
    this.changed();
    return repo;
  }

  tag(repo: Repo, name: string): Tag | undefined {
    return this.tagNameIndex.get(repo.tags, name);
  }

  /** The repository's tags in ascending `order` (ties by name); page it in either direction. */
  tagsIn(repo: Repo, order: TagOrder): ReadonlySortedList<Tag> {
    return this.tagIndex(repo).orders[order];
  }

  repoStats(repo: Repo): RepoStats {
    const index = this.tagIndex(repo);
    const newest = index.orders.updated_at.last();
    const updated = newest && compareTimes(newest.updated, repo.created) > 0 ? newest.updated : repo.created;
    return { size: index.size, num_images: repo.tags.length, updated };
  }

  /** Adds the tag, or replaces the content of the tag of the same name (keeping its ID and creation time). */
  putTag(repo: Repo, content: TagContent): Tag {
    const index = this.tagIndex(repo);
    const existing = this.tag(repo, content.Tag);
    if (existing) {
      // Out of the update-time order before its time changes, back in after.
      index.orders.updated_at.remove(existing);
      index.size -= existing.size;
      Object.assign(existing, { ...content, created: existing.created });
      index.orders.updated_at.insert(existing);
      index.size += existing.size;
      this.changed();
      return existing;
    }
    const tag: Tag = { ...content, id: this.nextId("tag") };
    this.tagNameIndex.push(repo.tags, tag);
    for (const list of Object.values(index.orders)) list.insert(tag);
    index.size += tag.size;
    this.changed();
    return tag;
  }

  get jobs(): SyncJob[] {
    return this.state.syncJobs;
  }

  /** The sync job records of a source repository, by creation time then ID. */
  jobsOf(region: string, namespace: string, repoName: string): ReadonlySortedList<SyncJob> {
    return this.jobLists().get(jobListKey(region, namespace, repoName)) ?? new SortedList(jobSortKey);
  }

  addJob(job: Omit<SyncJob, "id">): SyncJob {
    const created: SyncJob = { ...job, id: this.nextId("job") };
    const lists = this.jobLists();
    this.state.syncJobs.push(created);
    this.jobListOf(lists, created).insert(created);
    this.changed();
    return created;
  }

  updateJob(job: SyncJob, patch: Partial<Pick<SyncJob, "status" | "updatedAt" | "reason">>): void {
    Object.assign(job, patch);
    this.changed();
  }

  get rules(): SyncRule[] {
    return this.state.syncRules;
  }

  addRule(rule: Omit<SyncRule, "id">): SyncRule {
    const created: SyncRule = { ...rule, id: this.nextId("rule") };
    this.state.syncRules.push(created);
    this.changed();
    return created;
  }

  removeRule(rule: SyncRule): void {
    this.state.syncRules = this.state.syncRules.filter((r) => r !== rule);
    this.changed();
  }

  addToken(token: IssuedToken): void {
    this.state.tokens = [...this.state.tokens.filter((t) => Date.parse(t.expiresAt) > Date.parse(token.issuedAt)), token];
    this.changed();
  }

  token(value: string): IssuedToken | undefined {
    return this.tokenIndex.get(this.state.tokens, value);
  }

  private tagIndex(repo: Repo): TagIndex {
    let index = this.tagIndexes.get(repo);
    if (!index) {
      index = {
        orders: { tag: new SortedList(TAG_SORT_KEYS.tag, repo.tags), updated_at: new SortedList(TAG_SORT_KEYS.updated_at, repo.tags) },
        size: repo.tags.reduce((sum, t) => sum + t.size, 0),
      };
      this.tagIndexes.set(repo, index);
    }
    return index;
  }

  private jobLists(): Map<string, SortedList<SyncJob>> {
    if (!this.jobIndex) {
      const lists = new Map<string, SortedList<SyncJob>>();
      for (const job of this.state.syncJobs) this.jobListOf(lists, job).insert(job);
      this.jobIndex = lists;
    }
    return this.jobIndex;
  }

  private jobListOf(lists: Map<string, SortedList<SyncJob>>, job: SyncJob): SortedList<SyncJob> {
    const key = jobListKey(job.region, job.namespace, job.repoName);
    let list = lists.get(key);
    if (!list) lists.set(key, (list = new SortedList(jobSortKey)));
    return list;
  }
}
