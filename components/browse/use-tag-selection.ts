"use client";

import { useCallback, useState } from "react";
import { type CheckboxClick, clickTag, emptySelection, type SelectionState, withTags } from "./selection";

/** The selected tag names of one repository page; kept across paging, sorting and searching. */
export function useTagSelection() {
  const [state, setState] = useState<SelectionState>(emptySelection);
  const click = useCallback((c: CheckboxClick, visible: readonly string[]) => setState((s) => clickTag(s, c, visible)), []);
  const setMany = useCallback(
    (tags: Iterable<string>, checked: boolean) => setState((s) => ({ selected: withTags(s.selected, tags, checked), anchor: s.anchor })),
    [],
  );
  const clear = useCallback(() => setState(emptySelection), []);
  return { selected: state.selected, click, setMany, clear };
}
