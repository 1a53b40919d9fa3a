"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { useErrorText } from "@/components/ui/use-message";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import type { CompareScope } from "@/lib/compare/scope";
import { OutcomeCounts } from "./counts";
import { useFailureText } from "./outcome";
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
  sync,
}: {
  comparison: CompareScope;
  lines: readonly RepositoryLine[];
  openName: string | undefined;
  tagsId: string;
  onOpen: (name: string | undefined) => void;
  /** Null for people who may not sync; `can` says whether a repository has anything to sync for a choice. */
  sync: { can: (result: RepositoryComparisonDto, choice: SyncChoice) => boolean; open: (result: RepositoryComparisonDto, choice: SyncChoice) => void } | null;
}) {
  const t = useTranslations("compare");
  const failureText = useFailureText();
  const errorText = useErrorText();
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
            {sync ? <Th>{t("colActions")}</Th> : null}
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
                  <span className="text-red-800 dark:text-red-200">{errorText(query.error)}</span>{" "}
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
                {sync ? (
                  <td className={cellClass}>
                    <div className="flex flex-wrap gap-1">
                      {(["missing", "missing_and_differing"] as const).map((choice) => (
                        <Button
                          key={choice}
                          variant="secondary"
                          className="px-2 py-0.5 text-xs whitespace-nowrap"
                          disabled={!result || !sync.can(result, choice)}
                          aria-label={t(choice === "missing" ? "syncMissingOf" : "syncDifferingOf", { repository: name })}
                          onClick={() => result && sync.open(result, choice)}
                        >
                          {t(choice === "missing" ? "syncMissing" : "syncDiffering")}
                        </Button>
                      ))}
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
