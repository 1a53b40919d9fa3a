"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { roleAllows, type Role } from "@/lib/auth/roles";
import type { JobDetail as JobDetailData } from "@/lib/jobs/dto";
import { ApiError } from "@/lib/query/api-client";
import { repositoriesHref } from "@/components/browse/links";
import { repositoriesOf, spansSeveral } from "./breakdown";
import { CancelJob } from "./cancel-job";
import { CancelNotice } from "./cancel-notice";
import { repositoryPath } from "./format";
import { JobBreakdown } from "./job-breakdown";
import { JobFacts } from "./job-facts";
import { JobProgress } from "./job-progress";
import { OverwriteKept } from "./overwrite-kept";
import { sourceRepositoryHref } from "./links";
import { QueryError } from "./query-error";
import { RetryJobButton } from "./retry-job-button";
import { SyncAgainButton } from "./sync-again-button";
import { JobStatusBadge } from "./status-badge";
import { TaskTable } from "./task-table";
import { useJob, useJobProgress } from "./use-jobs";

// Below the tags and only for jobs that have them: loaded after the page, to keep its first load small.
const TaskTimeline = dynamic(() => import("./task-timeline").then((m) => m.TaskTimeline));
const JobAttempts = dynamic(() => import("./job-attempts").then((m) => m.JobAttempts));

/** Who is looking: operators retry, overwrite kept tags and cancel; whoever started a job may cancel it too. */
export interface JobViewer {
  email: string;
  role: Role;
}

/** The job page's body: it follows the job live until every tag reached an end. */
export function JobDetail({ jobId, initialJob, viewer }: { jobId: string; initialJob?: JobDetailData; viewer: JobViewer }) {
  const t = useTranslations("job");
  const ts = useTranslations("jobScope");
  const query = useJob(jobId, initialJob);
  const several = query.data ? spansSeveral(query.data) : false;
  const progress = useJobProgress(jobId, query.data?.live ?? false, several);
  if (query.isPending) return <TableSkeleton label={t("loading")} />;
  if (query.isError && !query.data) {
    if (query.error instanceof ApiError && query.error.status === 404) notFound();
    return <QueryError title={t("loadFailed")} query={query} />;
  }
  const job = query.data;
  const repository = repositoryPath(job.sourceNamespace, job.sourceRepository);
  const canRetry = roleAllows(viewer.role, "operator");
  const canCancel = canRetry || viewer.email === job.createdBy.email;
  const repositories = progress.data ? repositoriesOf(progress.data.groups) : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {several ? ts("title", { repositories: job.repositoryCount, targets: job.targetCount }) : t("title", { repository, target: job.targetRegion })}
        </h1>
        <span role="status" aria-label={t("statusLabel")}>
          <JobStatusBadge status={job.status} kept={job.counts.kept} />
        </span>
        <span role="status" className="text-sm text-slate-500 dark:text-slate-400">
          {job.live ? t("live") : t("settled")}
        </span>
        {job.repositoryCount > 1 ? (
          <Link href={repositoriesHref({ region: job.sourceRegion, namespace: job.sourceNamespace })} className={buttonClass("secondary", "ml-auto")}>
            {ts("backToNamespace", { namespace: job.sourceNamespace })}
          </Link>
        ) : (
          <Link href={sourceRepositoryHref(job)} className={buttonClass("secondary", "ml-auto")}>
            {t("backToRepository", { repository })}
          </Link>
        )}
      </div>
      <JobFacts job={job} repositories={repositories} />
      {query.isError ? <QueryError title={t("refreshFailed")} query={query} /> : null}
      <CancelNotice job={job} />
      <JobProgress job={job} />
      {several ? <JobBreakdown job={job} query={progress} /> : null}
      {canRetry || canCancel ? (
        <div className="flex flex-wrap items-start gap-3">
          {canCancel ? <CancelJob job={job} /> : null}
          {canRetry ? <RetryJobButton job={job} /> : null}
          {canRetry ? <OverwriteKept job={job} /> : null}
          {canRetry ? <SyncAgainButton job={job} /> : null}
        </div>
      ) : null}
      <TaskTable job={job} progress={several ? progress.data : undefined} />
      <TaskTimeline job={job} />
      <JobAttempts job={job} />
    </div>
  );
}
