"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { formatTimestamp } from "@/components/browse/format";
import { SearchInput } from "@/components/browse/search-input";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import type { CompareScope } from "@/lib/compare/scope";
import { OutcomeBadge } from "./outcome";
import { pageOf, visibleTags } from "./results";
import { type CompareView, TAG_SORTS, type TagSortKey } from "./url-state";

/** The tags of one compared repository, a page at a time (a repository may hold thousands), filtered and sorted. */
export function TagComparison({
  id,
  comparison,
  result,
  view,
  onView,
  onClose,
}: {
  id: string;
  comparison: CompareScope;
  result: RepositoryComparisonDto;
  view: CompareView;
  onView: (patch: Partial<CompareView>, mode?: "push" | "replace") => void;
  /** Null when the comparison is of this repository alone. */
  onClose: (() => void) | null;
}) {
  const t = useTranslations("compare");
  const format = useFormatter();
  const name = `${comparison.namespace}/${result.repository}`;
  const rows = useMemo(() => visibleTags(result.tags, view), [result.tags, view]);
  const page = pageOf(rows, view.page);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t("tagsTitle", { repository: name })}
        </h2>
        {onClose ? (
          <Button variant="secondary" onClick={onClose}>
            {t("closeTags")}
          </Button>
        ) : null}
      </div>
      {result.source.truncated || result.targets.some((target) => target.truncated) ? <p className="text-sm">{t("truncated")}</p> : null}
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput label={t("searchTags")} placeholder={t("searchTagsPlaceholder")} committed={view.tq ?? ""} onCommit={(tq) => onView({ tq: tq || undefined, page: 1 }, "replace")} />
        <SelectField label={t("tagSort")} value={view.tagSort} onChange={(e) => onView({ tagSort: e.target.value as TagSortKey, page: 1 })}>
          {TAG_SORTS.map((key) => (
            <option key={key} value={key}>
              {t(`tagSort_${key}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {rows.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
          {t("noTags")}
        </p>
      ) : (
        <>
          <TableScroller>
            <table className={tableClass}>
              <caption className="sr-only">{t("tagsCaption", { repository: name })}</caption>
              <thead className={theadClass}>
                <tr>
                  <Th>{t("colTag")}</Th>
                  <Th>{t("colDigest")}</Th>
                  <Th>{t("colUpdated")}</Th>
                  {result.targets.map((target) => (
                    <Th key={`${target.region}/${target.namespace}`}>
                      {target.region}/{target.namespace}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr key={row.tag} className={rowClass}>
                    <th scope="row" className={`${cellClass} font-mono font-normal`}>
                      {row.tag}
                    </th>
                    <td className={`${cellClass} font-mono text-xs`}>{row.shortDigest ?? "—"}</td>
                    <td className={cellClass}>{row.updatedAt ? formatTimestamp(format, row.updatedAt) : "—"}</td>
                    {row.outcomes.map((outcome, i) => (
                      <td key={i} className={cellClass}>
                        {outcome ? <OutcomeBadge outcome={outcome} /> : <span className="text-slate-500 dark:text-slate-400">—</span>}
                        {row.targetDigests?.[i] ? <span className="ml-2 font-mono text-xs">{row.targetDigests[i]}</span> : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
          <Pagination
            page={page.page}
            pageCount={page.pageCount}
            onChange={(p) => onView({ page: p })}
            labels={{
              nav: t("tagPages"),
              previous: t("previous"),
              next: t("next"),
              status: t("tagPageStatus", { page: page.page, pages: page.pageCount, total: rows.length }),
            }}
          />
        </>
      )}
    </section>
  );
}
