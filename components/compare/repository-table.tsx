"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import type { CompareScopeQuery } from "@/lib/compare/schemas";
import { OutcomeCounts } from "./counts";
import { requestFailureText, useFailureText } from "./outcome";
import type { SyncChoice } from "./sync-request";

export interface RepositoryLine {
  name: string;
  query: UseQueryResult<RepositoryComparisonDto>;
}

/** One row per repository: its counts in each target (or why they are not known), its tags on demand, its sync buttons. */
export function RepositoryTable({
  comparison,
  lines,
  openName,
  tagsId,
  onOpen,
  onSync,
}: {
  comparison: CompareScopeQuery;
  lines: readonly RepositoryLine[];
  openName: string | undefined;
  tagsId: string;
  onOpen: (name: string | undefined) => void;
  /** Null for people who may not sync. */
  onSync: ((name: string, choice: SyncChoice) => void) | null;
}) {
  const t = useTranslations("compare");
  const failureText = useFailureText();
  const span = comparison.targets.length;
  return (
    <TableScroller>
      <table className={tableClass}>
        <caption className="sr-only">{t("repositoriesCaption", { source: `${comparison.region}/${comparison.namespace}` })}</caption>
        <thead className={theadClass}>
          <tr>
            <Th>{t("colRepository")}</Th>
            {comparison.targets.map((target) => (
              <Th key={`${target.region}/${target.namespace}`}>
                {target.region}/{target.namespace}
              </Th>
            ))}
            {onSync ? <Th>{t("colActions")}</Th> : null}
          </tr>
        </thead>
        <tbody>
          {lines.map(({ name, query }) => {
            const result = query.data;
            const where = { namespace: comparison.namespace, repository: name };
            let cells;
            if (result?.source.failure) {
              cells = (
                <td colSpan={span} className={`${cellClass} text-red-800 dark:text-red-200`}>
                  {failureText(result.source.failure, where)}
                </td>
              );
            } else if (result) {
              cells = result.targets.map((target) => (
                <td key={`${target.region}/${target.namespace}`} className={cellClass}>
                  {target.failure ? (
                    <span className="text-red-800 dark:text-red-200">{failureText(target.failure, { ...where, namespace: target.namespace })}</span>
                  ) : (
                    <OutcomeCounts counts={target.counts} />
                  )}
                </td>
              ));
            } else if (query.isError) {
              cells = (
                <td colSpan={span} className={cellClass}>
                  <span className="text-red-800 dark:text-red-200">{requestFailureText(query.error)}</span>{" "}
                  <Button variant="secondary" className="px-2 py-0.5" disabled={query.isFetching} onClick={() => void query.refetch()} aria-label={t("retryRepository", { repository: name })}>
                    {t("retry")}
                  </Button>
                </td>
              );
            } else {
              cells = (
                <td colSpan={span} className={`${cellClass} text-slate-500 dark:text-slate-400`}>
                  {t("comparing")}
                </td>
              );
            }
            const open = openName === name;
            return (
              <tr key={name} className={`${rowClass} ${open ? "bg-blue-50 dark:bg-blue-950/40" : ""}`}>
                <th scope="row" className={`${cellClass} font-mono font-normal whitespace-nowrap`}>
                  <button
                    type="button"
                    className="text-left text-blue-700 hover:underline disabled:text-inherit disabled:no-underline dark:text-blue-300"
                    aria-expanded={open}
                    aria-controls={open ? tagsId : undefined}
                    disabled={!result || result.source.failure !== null}
                    onClick={() => onOpen(open ? undefined : name)}
                  >
                    {name}
                  </button>
                </th>
                {cells}
                {onSync ? (
                  <td className={cellClass}>
                    <div className="flex flex-wrap gap-1">
                      <Button variant="secondary" className="px-2 py-0.5 text-xs whitespace-nowrap" disabled={!result || result.source.failure !== null} aria-label={t("syncMissingOf", { repository: name })} onClick={() => onSync(name, "missing")}>
                        {t("syncMissing")}
                      </Button>
                      <Button variant="secondary" className="px-2 py-0.5 text-xs whitespace-nowrap" disabled={!result || result.source.failure !== null} aria-label={t("syncDifferingOf", { repository: name })} onClick={() => onSync(name, "missing_and_differing")}>
                        {t("syncDiffering")}
                      </Button>
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}
