"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { JobSummary } from "@/lib/jobs/dto";
import { formatDateTime } from "@/components/jobs/format";
import { JobRoute } from "@/components/jobs/job-route";
import { jobHref, jobsHref } from "@/components/jobs/links";
import { JobStatusBadge } from "@/components/jobs/status-badge";
import { Card } from "@/components/ui/card";

/** The latest jobs, whatever their outcome, with the way to the full history. */
export function RecentJobsCard({ jobs }: { jobs: readonly JobSummary[] }) {
  const t = useTranslations("overview");
  const format = useFormatter();
  return (
    <Card title={t("recentTitle")} titleId="recent-jobs-title">
      {jobs.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("recentEmpty")}</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {jobs.map((job) => (
            <li key={job.id} className="space-y-1">
              <div className="flex items-center justify-between gap-2">
                <Link href={jobHref(job.id)} className="text-blue-700 underline dark:text-blue-300">
                  <JobRoute job={job} />
                </Link>
                <JobStatusBadge status={job.status} kept={job.counts.kept} />
              </div>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {t("recentMeta", { when: formatDateTime(format, job.createdAt), email: job.createdBy.email })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Link
        href={jobsHref()}
        className="mt-3 inline-block text-sm text-blue-700 underline dark:text-blue-300"
      >
        {t("allJobs")}
      </Link>
    </Card>
  );
}
