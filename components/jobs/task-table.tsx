"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { SearchInput } from "@/components/browse/search-input";
import { Pagination } from "@/components/ui/pagination";
import { cellClass, numericCellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import type { JobDetail, TaskDto } from "@/lib/jobs/dto";
import type { TaskState } from "@/lib/jobs/states";
import { shortDigest } from "@/lib/format";
import { TASK_PAGE_SIZE } from "./api";
import { formatDateTime } from "./format";
import { QueryError } from "./query-error";
import { TaskStatusBadge } from "./status-badge";
import { taskKey } from "./task-changes";
import { TaskStatusFilter } from "./task-status-filter";
import { useTaskPage } from "./use-jobs";

const COLUMNS = ["colTag", "colStatus", "colAttempts", "colSubmitted", "colUpdated", "colFinished", "colDetails"] as const;

/** Why a tag ended as it did: its error, or for identical and kept tags what the target holds. */
function TaskDetails({ task }: { task: TaskDto }) {
  const t = useTranslations("job");
  if (task.lastError) {
    return (
      <span className="text-red-800 dark:text-red-200">
        {task.lastError.message} <span className="text-xs text-slate-500 dark:text-slate-400">({task.lastError.code})</span>
      </span>
    );
  }
  if (task.status === "kept") {
    return (
      <span className="text-violet-900 dark:text-violet-200">
        {task.targetDigest && task.sourceDigest
          ? t("keptNote", { target: shortDigest(task.targetDigest), source: shortDigest(task.sourceDigest) })
          : t("keptNoteShort")}
      </span>
    );
  }
  if (task.status === "skipped_identical") return <span className="text-teal-900 dark:text-teal-200">{t("skippedNote")}</span>;
  return "—";
}

function TaskRow({ task }: { task: TaskDto }) {
  const format = useFormatter();
  return (
    <tr className={rowClass}>
      <th scope="row" className={`${cellClass} font-mono font-normal`}>
        {task.tag}
      </th>
      <td className={cellClass}>
        <TaskStatusBadge state={task.status} />
      </td>
      <td className={numericCellClass}>{format.number(task.attempts)}</td>
      <td className={cellClass}>{formatDateTime(format, task.submittedAt)}</td>
      <td className={cellClass}>{formatDateTime(format, task.updatedAt)}</td>
      <td className={cellClass}>{formatDateTime(format, task.finishedAt)}</td>
      <td className={cellClass}>
        <TaskDetails task={task} />
      </td>
    </tr>
  );
}

/**
 * The job's tags, one server page of 100 at a time, filtered by state and searched by name; rows on screen follow
 * the job live through the changes its polls bring, so a job of any size stays as light as one page.
 */
export function TaskTable({ job }: { job: JobDetail }) {
  const t = useTranslations("job");
  const [status, setStatus] = useState<TaskState | undefined>(undefined);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const query = useTaskPage(job.id, { status, q: q || undefined, offset: (page - 1) * TASK_PAGE_SIZE });
  const total = query.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / TASK_PAGE_SIZE));
  // A filter that shrank while this page was open would leave it past the end: go to the last page there is.
  if (!query.isPlaceholderData && query.data && page > pageCount) setPage(pageCount);

  let body;
  if (query.isPending) body = <TableSkeleton label={t("tasksLoading")} />;
  else if (query.isError && !query.data) body = <QueryError title={t("tasksFailed")} query={query} />;
  else {
    const tasks = query.data.items;
    body = (
      <>
        <TableScroller>
          <table className={tableClass} aria-labelledby="job-tasks-title" aria-busy={query.isFetching}>
            <thead className={theadClass}>
              <tr>
                {COLUMNS.map((key) => (
                  <Th key={key} numeric={key === "colAttempts"}>
                    {t(key)}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <TaskRow key={taskKey(task)} task={task} />
              ))}
              {tasks.length === 0 ? (
                <tr>
                  <td colSpan={COLUMNS.length} className={`${cellClass} text-slate-500`}>
                    {t("noTasksShown")}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </TableScroller>
        <Pagination
          page={page}
          pageCount={pageCount}
          onChange={setPage}
          disabled={query.isPlaceholderData}
          labels={{
            nav: t("taskPages"),
            previous: t("previous"),
            next: t("next"),
            status: t("taskPageStatus", { page, pages: pageCount, total }),
          }}
        />
      </>
    );
  }

  return (
    <section aria-labelledby="job-tasks-title" className="space-y-3">
      <h2 id="job-tasks-title" className="text-base font-semibold">
        {t("tasksTitle")}
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <TaskStatusFilter
          counts={job.counts}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPage(1);
          }}
        />
        <div role="search" aria-label={t("tasksSearch")} className="ml-auto flex min-w-56">
          <SearchInput
            label={t("search")}
            placeholder={t("searchPlaceholder")}
            committed={q}
            onCommit={(next) => {
              setQ(next);
              setPage(1);
            }}
          />
        </div>
      </div>
      {query.isError && query.data ? <QueryError title={t("tasksRefreshFailed")} query={query} /> : null}
      {body}
    </section>
  );
}
