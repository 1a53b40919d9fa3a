import type { SyncSelection } from "@/components/browse/selection";
import { tagPatternOf } from "@/lib/jobs/pattern";
import type { RepositoryRef } from "@/lib/validation/browse";

// What the sync panel was opened for; pure, so the request it leads to is tested without a browser.

/** The tags picked on one repository's page, or several repositories of one namespace from the repository list. */
export type SyncScope =
  | { kind: "tags"; repository: RepositoryRef; selection: SyncSelection }
  | { kind: "repositories"; source: { region: string; namespace: string }; repositories: readonly { name: string; tagCount: number }[] };

/** Which tags of each repository a sync over several repositories takes: all of them, or those matching one pattern. */
export type RepositoryTags = { kind: "all" } | { kind: "pattern"; pattern: string };

export function scopeSource(scope: SyncScope): { region: string; namespace: string } {
  return scope.kind === "tags" ? { region: scope.repository.region, namespace: scope.repository.namespace } : scope.source;
}

/** Why a pattern cannot be used yet: nothing typed, or not a pattern the API accepts. */
export function repositoryTagsProblem(tags: RepositoryTags): "empty" | "invalid" | null {
  if (tags.kind === "all") return null;
  if (tags.pattern.trim() === "") return "empty";
  return tagPatternOf(tags.pattern) === null ? "invalid" : null;
}

/** Each repository of the scope with the tags chosen of it. */
export function scopeRepositories(scope: SyncScope, tags: RepositoryTags): { name: string; selection: SyncSelection }[] {
  if (scope.kind === "tags") return [{ name: scope.repository.repository, selection: scope.selection }];
  return scope.repositories.map((r) => ({
    name: r.name,
    selection: tags.kind === "all" ? { kind: "all", count: r.tagCount } : { kind: "pattern", pattern: tags.pattern.trim() },
  }));
}
