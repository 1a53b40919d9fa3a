"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import type { JobDetail as JobDetailData } from "./api";
import { repositoryPath } from "./format";
import { JobFacts } from "./job-facts";
import { JobProgress } from "./job-progress";
import { sourceRepositoryHref } from "./links";
import { QueryError } from "./query-error";
import { RetryFailedButton } from "./retry-failed-button";
import { JobStatusBadge } from "./status-badge";
import { TaskTable } from "./task-table";
import { useJob } from "./use-jobs";

/** The job page's body: it follows the job live until every tag reached an end. */
export function JobDetail({
  jobId,
  initialJob,
  canRetry,
}: {
  jobId: string;
  initialJob?: JobDetailData;
  canRetry: boolean;
}) {
  const t = useTranslations("job");
  const query = useJob(jobId, initialJob);
  if (query.isPending) return <TableSkeleton label={t("loading")} />;
  if (query.isError && !query.data) return <QueryError title={t("loadFailed")} query={query} />;
  const job = query.data;
  const repository = repositoryPath(job.sourceNamespace, job.sourceRepository);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("title", { repository, target: job.targetRegion })}</h1>
        <JobStatusBadge status={job.status} />
        <span role="status" className="text-sm text-slate-500 dark:text-slate-400">
          {job.live ? t("live") : t("settled")}
        </span>
        <Link href={sourceRepositoryHref(job)} className={buttonClass("secondary", "ml-auto")}>
          {t("backToRepository", { repository })}
        </Link>
      </div>
      <JobFacts job={job} />
      {query.isError ? <QueryError title={t("refreshFailed")} query={query} /> : null}
      <JobProgress job={job} />
      {canRetry ? <RetryFailedButton job={job} /> : null}
      <TaskTable tasks={job.tasks} />
    </div>
  );
}
