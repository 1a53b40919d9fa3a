"use client";

import { useFormatter, useTranslations } from "next-intl";
import { cellClass, numericCellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import type { JobDetail } from "@/lib/jobs/dto";
import { finishedOf, progressByRepository, progressByTarget, type ProgressRow } from "./breakdown";
import { QueryError } from "./query-error";
import type { useJobProgress } from "./use-jobs";

const COLUMNS = ["succeeded", "skipped", "kept", "failed", "cancelled"] as const;
const COLUMN_KEYS = { succeeded: "colSucceeded", skipped: "colSkipped", kept: "colKept", failed: "colFailed", cancelled: "colCancelled" } as const;

function ProgressTable({ caption, nameColumn, rows }: { caption: string; nameColumn: string; rows: ProgressRow[] }) {
  const t = useTranslations("jobScope");
  const format = useFormatter();
  return (
    <TableScroller>
      <table className={tableClass}>
        <caption className="px-2 py-1.5 text-left text-sm font-medium">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            <Th>{nameColumn}</Th>
            <Th numeric>{t("colFinished")}</Th>
            {COLUMNS.map((c) => (
              <Th key={c} numeric>
                {t(COLUMN_KEYS[c])}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className={rowClass}>
              <th scope="row" className={`${cellClass} font-mono font-normal whitespace-nowrap`}>
                {r.name}
              </th>
              <td className={numericCellClass}>{t("finished", { done: finishedOf(r.counts), total: r.counts.total })}</td>
              {COLUMNS.map((c) => (
                <td key={c} className={numericCellClass}>
                  {format.number(r.counts[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** For a job over several repositories or targets: how far each target and each repository got. */
export function JobBreakdown({ job, query }: { job: JobDetail; query: ReturnType<typeof useJobProgress> }) {
  const t = useTranslations("jobScope");
  const progress = query.data;
  return (
    <section aria-labelledby="job-breakdown-title" className="space-y-3">
      <h2 id="job-breakdown-title" className="text-base font-semibold">
        {t("breakdownTitle")}
      </h2>
      {query.isError ? <QueryError title={t(progress ? "breakdownRefreshFailed" : "breakdownFailed")} query={query} /> : null}
      {progress ? (
        <div className="grid gap-3 lg:grid-cols-2">
          <ProgressTable caption={t("byTarget")} nameColumn={t("colTarget")} rows={progressByTarget(progress.groups, job.targets)} />
          <ProgressTable caption={t("byRepository")} nameColumn={t("colRepository")} rows={progressByRepository(progress.groups)} />
        </div>
      ) : query.isPending ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {t("breakdownLoading")}
        </p>
      ) : null}
    </section>
  );
}
