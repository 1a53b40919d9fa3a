"use client";

import { useFormatter, useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { SearchInput } from "@/components/browse/search-input";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { cellClass, numericCellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { useRecordedErrorText } from "@/components/ui/use-message";
import type { JobDetail, JobProgress, TaskDto } from "@/lib/jobs/dto";
import type { TaskState } from "@/lib/jobs/states";
import { shortDigest } from "@/lib/format";
import { TASK_PAGE_SIZE } from "./api";
import { countsMatching, repositoriesOf, spansSeveral, targetName } from "./breakdown";
import { formatDateTime } from "./format";
import { jobTasksCsvHref } from "./links";
import { QueryError } from "./query-error";
import { TaskStatusBadge } from "./status-badge";
import { taskKey } from "./task-changes";
import { TaskScopeFilter } from "./task-scope-filter";
import { TaskStatusFilter } from "./task-status-filter";
import { useTaskPage } from "./use-jobs";

const COLUMNS = ["colTag", "colStatus", "colAttempts", "colSubmitted", "colUpdated", "colFinished", "colDetails"] as const;

/** Why a tag ended as it did: its error, or for identical and kept tags what the target holds. */
function TaskDetails({ task }: { task: TaskDto }) {
  const t = useTranslations("job");
  const errorText = useRecordedErrorText();
  if (task.lastError) {
    return (
      <span className="text-red-800 dark:text-red-200">
        {errorText(task.lastError)} <span className="text-xs text-slate-500 dark:text-slate-400">({task.lastError.code})</span>
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

/** With `several`, the row names the task's repository and target after its tag. */
function TaskRow({ task, several }: { task: TaskDto; several: boolean }) {
  const format = useFormatter();
  return (
    <tr className={rowClass}>
      <th scope="row" className={`${cellClass} font-mono font-normal`}>
        {task.tag}
      </th>
      {several ? (
        <>
          <td className={`${cellClass} font-mono`}>{task.repository}</td>
          <td className={`${cellClass} font-mono whitespace-nowrap`}>{targetName({ region: task.targetRegion, namespace: task.targetNamespace })}</td>
        </>
      ) : null}
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
 * The job's tags, one server page of 100 at a time, filtered by state and searched by name (and, for a job over several
 * repositories or targets, by those); rows on screen follow the job live through the changes its polls bring, so a job
 * of any size stays as light as one page.
 */
export function TaskTable({ job, progress }: { job: JobDetail; progress?: JobProgress }) {
  const t = useTranslations("job");
  const ts = useTranslations("jobScope");
  const several = spansSeveral(job);
  const [status, setStatus] = useState<TaskState | undefined>(undefined);
  const [q, setQ] = useState("");
  const [repository, setRepository] = useState<string | undefined>(undefined);
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const filters = { status, q: q || undefined, repository, target };
  const query = useTaskPage(job.id, { ...filters, offset: (page - 1) * TASK_PAGE_SIZE });
  const columns = several ? [COLUMNS[0], "colRepository", "colTarget", ...COLUMNS.slice(1)] : COLUMNS;
  const columnLabel = (key: string) => (key === "colRepository" || key === "colTarget" ? ts(key) : t(key as (typeof COLUMNS)[number]));
  // The job's counts cover every task; narrowed to a repository or target, the counts of that part (once known).
  const narrowed = repository !== undefined || target !== undefined;
  const statusCounts = !narrowed ? job.counts : progress ? countsMatching(progress.groups, { repository, target }) : null;
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
                {columns.map((key) => (
                  <Th key={key} numeric={key === "colAttempts"}>
                    {columnLabel(key)}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <TaskRow key={taskKey(task)} task={task} several={several} />
              ))}
              {tasks.length === 0 ? (
                <tr>
                  <td colSpan={columns.length} className={`${cellClass} text-slate-500 dark:text-slate-400`}>
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
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="job-tasks-title" className="text-base font-semibold">
          {t("tasksTitle")}
        </h2>
        {/* A plain link: the browser downloads the CSV the route handler streams, with the filters chosen below. */}
        <a href={jobTasksCsvHref(job.id, filters, timeZone, locale)} download className={buttonClass("secondary")}>
          {t("exportTasksCsv")}
        </a>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        {several ? (
          <TaskScopeFilter
            repositories={progress ? repositoriesOf(progress.groups) : []}
            targets={job.targets.map(targetName)}
            repository={repository}
            target={target}
            onChange={(next) => {
              setRepository(next.repository);
              setTarget(next.target);
              setPage(1);
            }}
          />
        ) : null}
        <TaskStatusFilter
          counts={statusCounts}
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
