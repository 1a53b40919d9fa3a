"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { JobStats } from "@/lib/jobs/dto";
import { jobsHref } from "@/components/jobs/links";
import { JobStatusBadge } from "@/components/jobs/status-badge";
import { Card } from "@/components/ui/card";
import { JOB_STATUSES } from "@/lib/jobs/states";

/** How many jobs are in each status; each line opens the history filtered to it. */
export function JobCountsCard({ counts }: { counts: JobStats["counts"] }) {
  const t = useTranslations("overview");
  const tStatus = useTranslations("jobStatus");
  const format = useFormatter();
  return (
    <Card title={t("countsTitle")} titleId="job-counts-title">
      <ul className="space-y-2 text-sm">
        {JOB_STATUSES.map((status) => (
          <li key={status} className="flex items-center justify-between gap-3">
            <JobStatusBadge status={status} />
            <Link
              href={jobsHref({ status })}
              aria-label={t("countLink", { count: counts[status], status: tStatus(status) })}
              className="font-semibold tabular-nums text-blue-700 underline dark:text-blue-300"
            >
              {format.number(counts[status])}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
