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
