"use client";

import { useCallback, useMemo, useState } from "react";
import { type CheckboxClick, clickTag, emptySelection, type SelectionState, type SyncSelection, withTags } from "./selection";

export type SelectionRule = Exclude<SyncSelection, { kind: "tags" }>;

/**
 * The tags of one repository picked for a sync: one by one (kept across paging, sorting and searching), or a rule
 * (all, a search, a pattern) that replaces them. While a rule holds, single clicks are ignored.
 */
export function useTagSelection() {
  const [picked, setPicked] = useState<SelectionState>(emptySelection);
  const [rule, setRule] = useState<SelectionRule | null>(null);
  const click = useCallback(
    (c: CheckboxClick, visible: readonly string[]) => setPicked((s) => clickTag(s, c, visible)),
    [],
  );
  const setMany = useCallback(
    (tags: Iterable<string>, checked: boolean) => setPicked((s) => ({ selected: withTags(s.selected, tags, checked), anchor: s.anchor })),
    [],
  );
  const selectByRule = useCallback((next: SelectionRule) => {
    setRule(next);
    setPicked(emptySelection);
  }, []);
  const clear = useCallback(() => {
    setRule(null);
    setPicked(emptySelection);
  }, []);
  const selection = useMemo<SyncSelection>(() => rule ?? { kind: "tags", tags: picked.selected }, [rule, picked.selected]);
  return { selection, byRule: rule !== null, click, setMany, selectByRule, clear };
}
