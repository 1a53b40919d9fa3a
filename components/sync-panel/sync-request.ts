import type { z } from "zod";
import { selectionRequest, type SyncSelection } from "@/components/browse/selection";
import type { JobTarget, multiJobSchema, singleJobSchema, TagSelector } from "@/lib/jobs/schemas";

// The body of POST /api/jobs (and of POST /api/jobs/plan) as the sync panel sends it (docs/api.md "Jobs").

export { MAX_TAGS_PER_JOB, MAX_TARGETS_PER_JOB } from "@/lib/jobs/limits";
export type SyncJobRequest = z.input<typeof singleJobSchema>;
/** Several repositories of a namespace to one or more targets. */
export type MultiSyncJobRequest = z.input<typeof multiJobSchema>;
/** Either form of the body. */
export type SyncRequest = SyncJobRequest | MultiSyncJobRequest;

export const isMultiSyncRequest = (r: SyncRequest): r is MultiSyncJobRequest => "source" in r;

/** What the sync panel knows when the person presses Sync. */
export interface SyncRequestInput {
  source: { region: string; namespace: string };
  /** Each repository with the tags chosen of it. */
  repositories: readonly { name: string; selection: SyncSelection }[];
  targets: readonly JobTarget[];
  override: boolean;
}

/** One repository to one target travels in the one-repository form; more of either in the multi form. */
export function buildSyncRequest({ source, repositories, targets, override }: SyncRequestInput): SyncRequest {
  const [only] = repositories;
  const [target] = targets;
  if (repositories.length === 1 && targets.length === 1 && only && target) {
    return {
      sourceRegion: source.region,
      sourceNamespace: source.namespace,
      sourceRepository: only.name,
      targetRegion: target.region,
      targetNamespace: target.namespace,
      ...selectionRequest(only.selection),
      override,
    };
  }
  return {
    source: { region: source.region, namespace: source.namespace },
    repositories: repositories.map((r) => ({ name: r.name, ...selectionRequest(r.selection) })),
    targets: targets.map((t) => ({ region: t.region, namespace: t.namespace })),
    override,
  };
}

/** The name the server's field messages use for a target's region or namespace, in the form the body was sent in. */
export function targetFieldName(multi: boolean, index: number, field: "region" | "namespace"): string {
  if (multi) return `targets.${index}.${field}`;
  return field === "region" ? "targetRegion" : "targetNamespace";
}

type TagChoice = { tags?: string[]; tagSelector?: { all?: true; pattern?: string } };

/** Tags unique and sorted, or the selector with its pattern trimmed. */
function tagChoice(r: TagChoice): { tags: string[] } | { tagSelector: TagSelector } {
  if (r.tagSelector) {
    const { all, pattern } = r.tagSelector;
    return { tagSelector: all ? { all } : { pattern: pattern?.trim() ?? "" } };
  }
  return { tags: [...new Set(r.tags)].sort() };
}

/**
 * One spelling per request: fixed key order, namespaces trimmed, tags unique and sorted, repositories by name, so the
 * same request hashes the same. Targets keep the order asked: the first one names the job in lists.
 */
export function normalizeSyncRequest<R extends SyncRequest>(r: R): R;
export function normalizeSyncRequest(r: SyncRequest): SyncRequest {
  if (isMultiSyncRequest(r)) {
    return {
      source: { region: r.source.region, namespace: r.source.namespace.trim() },
      repositories: [...r.repositories].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((repo) => ({ name: repo.name, ...tagChoice(repo) })),
      targets: r.targets.map((t) => ({ region: t.region, namespace: t.namespace.trim() })),
      override: r.override,
    };
  }
  return {
    sourceRegion: r.sourceRegion,
    sourceNamespace: r.sourceNamespace,
    sourceRepository: r.sourceRepository,
    targetRegion: r.targetRegion,
    targetNamespace: r.targetNamespace.trim(),
    ...tagChoice(r),
    override: r.override,
  };
}

/** The normalized request with its targets sorted too: what makes two requests the same job for an Idempotency-Key. */
export function canonicalSyncRequest(r: SyncRequest): SyncRequest {
  const n = normalizeSyncRequest(r);
  if (!isMultiSyncRequest(n)) return n;
  const key = (t: JobTarget) => `${t.region}/${t.namespace}`;
  return { ...n, targets: [...n.targets].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}

/** The job's ID in a 201/200 from POST /api/jobs, what the panel needs to open the job; null when the answer has none. */
export function createdJobId(body: unknown): string | null {
  const job = typeof body === "object" && body !== null && "job" in body ? body.job : null;
  const id = typeof job === "object" && job !== null && "id" in job ? job.id : null;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}
