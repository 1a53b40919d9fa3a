"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { isEmptySelection, type SyncSelection } from "./selection";
import { PatternForm } from "./pattern-form";
import type { SelectionRule } from "./use-tag-selection";

/** What is selected, select-all-matching, select by pattern, clear, and the way into the sync panel. */
export function SelectionBar({
  q,
  total,
  selection,
  onSelectRule,
  onClear,
  onSync,
}: {
  q: string | undefined;
  /** Tags matching the current search (all tags without one). */
  total: number;
  selection: SyncSelection;
  onSelectRule: (rule: SelectionRule) => void;
  onClear: () => void;
  onSync: () => void;
}) {
  const t = useTranslations("tags");
  const empty = isEmptySelection(selection);
  let status: string;
  let syncLabel: string;
  switch (selection.kind) {
    case "tags":
      status = t("selectedCount", { count: selection.tags.size });
      syncLabel = t("syncButton", { count: selection.tags.size });
      break;
    case "all":
      status = t("selectedAll", { count: selection.count });
      syncLabel = t("syncButton", { count: selection.count });
      break;
    case "search":
      status = t("selectedSearch", { count: selection.count, q: selection.q });
      syncLabel = t("syncButton", { count: selection.count });
      break;
    case "pattern":
      status = t("selectedPattern", { pattern: selection.pattern });
      syncLabel = t("syncPatternButton", { pattern: selection.pattern });
      break;
  }

  return (
    <>
      {/* Stays at the top of the window while the tag list scrolls under it, so Sync is in view at the 100th row. */}
      <div
        role="group"
        aria-label={t("selectionBar")}
        className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <div role="status" className="text-sm">
          <p className="font-medium">{status}</p>
          {selection.kind !== "tags" ? <p className="text-xs text-slate-600 dark:text-slate-300">{t("selectedByRule")}</p> : null}
        </div>
        <Button
          variant="secondary"
          disabled={total === 0}
          onClick={() => onSelectRule(q ? { kind: "search", q, count: total } : { kind: "all", count: total })}
        >
          {q ? t("selectAllMatchingQuery", { count: total, q }) : t("selectAllMatching", { count: total })}
        </Button>
        <Button variant="ghost" disabled={empty} onClick={onClear}>
          {t("clearSelection")}
        </Button>
        <Button className="ml-auto" disabled={empty} onClick={onSync}>
          {syncLabel}
        </Button>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
        <PatternForm onSelect={(pattern) => onSelectRule({ kind: "pattern", pattern })} />
      </div>
    </>
  );
}
