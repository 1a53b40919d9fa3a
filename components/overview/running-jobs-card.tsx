"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { JobSummary } from "@/lib/jobs/dto";
import { repositoryPath } from "@/components/jobs/format";
import { JobRoute } from "@/components/jobs/job-route";
import { jobHref } from "@/components/jobs/links";
import { progressOf } from "@/components/jobs/status";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";

/** Jobs still moving, each with its progress. */
export function RunningJobsCard({ jobs }: { jobs: readonly JobSummary[] }) {
  const t = useTranslations("overview");
  const tJob = useTranslations("job");
  return (
    <Card title={t("runningTitle")} titleId="running-jobs-title">
      {jobs.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("runningEmpty")}</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {jobs.map((job) => {
            const progress = progressOf(job.counts);
            const repository = repositoryPath(job.sourceNamespace, job.sourceRepository);
            return (
              <li key={job.id} className="space-y-1">
                <Link href={jobHref(job.id)} className="text-blue-700 underline dark:text-blue-300">
                  <JobRoute job={job} />
                </Link>
                <ProgressBar
                  label={t("runningProgress", { repository, target: job.targetRegion })}
                  percent={progress.percent}
                  valueText={tJob("progressText", progress)}
                />
                <p className="text-xs text-slate-500 dark:text-slate-400">{tJob("progressText", progress)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
