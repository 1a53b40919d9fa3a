import type { TagSelector } from "@/lib/jobs/schemas";
import { searchPattern } from "@/lib/jobs/pattern";

// Tag selection as pure functions: the table keeps a Set of tag names, so it survives paging, sorting and searching.

export interface SelectionState {
  selected: ReadonlySet<string>;
  /** The tag of the last plain or shift click: where the next shift-click range starts. */
  anchor: string | null;
}

export interface CheckboxClick {
  tag: string;
  /** The clicked box's new state. */
  checked: boolean;
  shiftKey: boolean;
}

export const emptySelection: SelectionState = { selected: new Set(), anchor: null };

/**
 * One click on a row's checkbox. A shift-click gives every visible tag from the anchor to the clicked one the
 * clicked box's new state; without an anchor on this page it acts like a plain click.
 */
export function clickTag(state: SelectionState, click: CheckboxClick, visible: readonly string[]): SelectionState {
  const from = click.shiftKey && state.anchor !== null ? visible.indexOf(state.anchor) : -1;
  const to = visible.indexOf(click.tag);
  const range = from >= 0 && to >= 0 ? visible.slice(Math.min(from, to), Math.max(from, to) + 1) : [click.tag];
  return { selected: withTags(state.selected, range, click.checked), anchor: click.tag };
}

/** The selection with `tags` added (checked) or removed. */
export function withTags(selected: ReadonlySet<string>, tags: Iterable<string>, checked: boolean): Set<string> {
  const next = new Set(selected);
  for (const tag of tags) {
    if (checked) next.add(tag);
    else next.delete(tag);
  }
  return next;
}

export type PageCheck = "all" | "some" | "none";

/** The state of the header checkbox for the visible page. */
export function pageCheck(selected: ReadonlySet<string>, visible: readonly string[]): PageCheck {
  const count = visible.filter((tag) => selected.has(tag)).length;
  if (count === 0) return "none";
  return count === visible.length ? "all" : "some";
}

/**
 * What an operator picked for a sync: tags one by one, or a rule the server resolves (every tag of the repository,
 * every tag containing a search, a glob pattern), so 50,000 tags never travel as a list.
 */
export type SyncSelection =
  | { kind: "tags"; tags: ReadonlySet<string> }
  | { kind: "all"; count: number }
  | { kind: "search"; q: string; count: number }
  | { kind: "pattern"; pattern: string };

export const noSelection: SyncSelection = { kind: "tags", tags: new Set() };

/** How many tags the selection holds, when the browser knows it (a pattern is counted by the server's plan). */
export function selectionCount(selection: SyncSelection): number | null {
  if (selection.kind === "tags") return selection.tags.size;
  return selection.kind === "pattern" ? null : selection.count;
}

export function isEmptySelection(selection: SyncSelection): boolean {
  return selectionCount(selection) === 0;
}

/** The tags of a sync request: a sorted list, or the selector that stands for them. */
export function selectionRequest(selection: SyncSelection): { tags: string[] } | { tagSelector: TagSelector } {
  switch (selection.kind) {
    case "tags":
      return { tags: [...selection.tags].sort() };
    case "all":
      return { tagSelector: { all: true } };
    case "search":
      return { tagSelector: { pattern: searchPattern(selection.q) } };
    case "pattern":
      return { tagSelector: { pattern: selection.pattern } };
  }
}
