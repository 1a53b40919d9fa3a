"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { searchParamsRecord } from "@/components/browse/url-state";
import { CompareForm } from "./compare-form";
import { ComparisonResults } from "./comparison-results";
import { compareHref, type CompareView, parseCompareState } from "./url-state";

// The page's state is its URL; changing the view only rewrites the address (no server round trip), so filters,
// searches and paging work on the answers already here.
function go(href: string, mode: "push" | "replace") {
  if (mode === "push") window.history.pushState(null, "", href);
  else window.history.replaceState(null, "", href);
}

/** /compare: the form, and the comparison the URL names. */
export function ComparePage({ canSync }: { canSync: boolean }) {
  const t = useTranslations("compare");
  const params = useSearchParams();
  const state = useMemo(() => parseCompareState(searchParamsRecord(new URLSearchParams(params.toString()))), [params]);
  const { comparison, view } = state;
  const onView = (patch: Partial<CompareView>, mode: "push" | "replace" = "push") => go(compareHref(comparison, { ...view, ...patch }), mode);

  return (
    <>
      <CompareForm
        // A new address (back, forward, a shared link) starts the form from it.
        key={JSON.stringify([state.draft, state.problems])}
        draft={state.draft}
        problems={state.problems}
        onCompare={(next) => go(compareHref(next), "push")}
      />
      {comparison ? (
        <ComparisonResults key={JSON.stringify(comparison)} comparison={comparison} view={view} onView={onView} canSync={canSync} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      )}
    </>
  );
}
