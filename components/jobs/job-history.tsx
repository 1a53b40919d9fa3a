"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  cellClass,
  numericCellClass,
  rowClass,
  tableClass,
  TableScroller,
  Th,
  theadClass,
} from "@/components/ui/table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { useErrorText } from "@/components/ui/use-message";
import type { JobSummary } from "@/lib/jobs/dto";
import type { JobFilters } from "./filters";
import { formatDateTime } from "./format";
import { JobRoute, useJobRepositoryText } from "./job-route";
import { jobHref } from "./links";
import { QueryError } from "./query-error";
import { JobStatusBadge } from "./status-badge";
import { useJobHistory } from "./use-jobs";

function HistoryRow({ job }: { job: JobSummary }) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const repositoryText = useJobRepositoryText();
  const when = formatDateTime(format, job.createdAt);
  return (
    <tr className={rowClass}>
      <th scope="row" className={`${cellClass} font-normal whitespace-nowrap`}>
        {when}
      </th>
      <td className={cellClass}>{job.createdBy.email}</td>
      <td className={cellClass}>
        <JobRoute job={job} />
      </td>
      <td className={numericCellClass}>{t("tagCounts", job.counts)}</td>
      <td className={cellClass}>
        <JobStatusBadge status={job.status} kept={job.counts.kept} />
      </td>
      <td className={cellClass}>
        <Link
          href={jobHref(job.id)}
          aria-label={t("openJob", { repository: repositoryText(job), when })}
          className="text-blue-700 underline dark:text-blue-300"
        >
          {t("open")}
        </Link>
      </td>
    </tr>
  );
}

/** The matching jobs, newest first; more are fetched with "Load more" from the API's cursor. */
export function JobHistory({ filters, timeZone }: { filters: JobFilters; timeZone: string }) {
  const t = useTranslations("jobs");
  const errorText = useErrorText();
  const query = useJobHistory(filters, timeZone);
  if (query.isPending) return <TableSkeleton label={t("loading")} />;
  if (query.isError && !query.data) return <QueryError title={t("loadFailed")} query={query} />;
  const jobs = query.data.pages.flatMap((page) => page.items);
  if (jobs.length === 0) {
    return (
      <p
        role="status"
        className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-600"
      >
        {t("empty")}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <TableScroller>
        <table className={tableClass} aria-busy={query.isFetching}>
          <caption className="sr-only">{t("caption")}</caption>
          <thead className={theadClass}>
            <tr>
              <Th>{t("colWhen")}</Th>
              <Th>{t("colWho")}</Th>
              <Th>{t("colRoute")}</Th>
              <Th numeric>{t("colTags")}</Th>
              <Th>{t("colStatus")}</Th>
              <Th>
                <span className="sr-only">{t("colLink")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <HistoryRow key={job.id} job={job} />
            ))}
          </tbody>
        </table>
      </TableScroller>
      {query.isFetchNextPageError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("loadMoreFailed", { message: errorText(query.error) })}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-3 text-sm">
        <span role="status">{t("shown", { count: jobs.length })}</span>
        {query.hasNextPage ? (
          <Button
            variant="secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </Button>
        ) : (
          <span>{t("allShown")}</span>
        )}
      </div>
    </div>
  );
}
