import type { IdKind, IssuedToken, Namespace, Repo, SimState, SyncJob, SyncRule, Tag } from "./model";

export type RepoTemplate = Pick<Repo, "name" | "category" | "description" | "is_public">;
export type TagContent = Omit<Tag, "id">;
export interface Creator {
  id: string;
  name: string;
}

/** The simulator's data: every mutation goes through here so persistence hears about it. */
export class Store {
  constructor(
    private state: SimState,
    private readonly onChange: () => void,
  ) {}

  get snapshot(): SimState {
    return this.state;
  }

  replace(state: SimState): void {
    this.state = state;
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
    return this.namespaces(region).find((ns) => ns.name === name);
  }

  addNamespace(region: string, name: string, creator: Creator, auth = 7): Namespace {
    const ns: Namespace = { id: this.nextId("namespace"), name, creator_name: creator.name, auth, visibleOnly: false, repos: [] };
    (this.state.regions[region] ??= []).push(ns);
    this.changed();
    return ns;
  }

  addRepo(ns: Namespace, template: RepoTemplate, creator: Creator, created: string): Repo {
    const repo: Repo = { ...template, id: this.nextId("repo"), num_download: 0, creator_id: creator.id, creator_name: creator.name, created, tags: [] };
    ns.repos.push(repo);
    this.changed();
    return repo;
  }

  /** Adds the tag, or replaces the content of the tag of the same name (keeping its ID and creation time). */
  putTag(repo: Repo, content: TagContent): Tag {
    const existing = repo.tags.find((t) => t.Tag === content.Tag);
    if (existing) {
      Object.assign(existing, { ...content, created: existing.created });
      this.changed();
      return existing;
    }
    const tag: Tag = { ...content, id: this.nextId("tag") };
    repo.tags.push(tag);
    this.changed();
    return tag;
  }

  get jobs(): SyncJob[] {
    return this.state.syncJobs;
  }

  addJob(job: Omit<SyncJob, "id">): SyncJob {
    const created: SyncJob = { ...job, id: this.nextId("job") };
    this.state.syncJobs.push(created);
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
    return this.state.tokens.find((t) => t.token === value);
  }
}
