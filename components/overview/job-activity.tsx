"use client";

import { useTranslations } from "next-intl";
import { QueryError } from "@/components/jobs/query-error";
import { useJobStats } from "@/components/jobs/use-jobs";
import { Card } from "@/components/ui/card";
import { CardSkeleton } from "@/components/ui/card-skeleton";
import { JobCountsCard } from "./job-counts-card";
import { RecentJobsCard } from "./recent-jobs-card";
import { RunningJobsCard } from "./running-jobs-card";

/** The overview's sync widgets, fed by one stats query that polls faster while something runs. */
export function JobActivity() {
  const t = useTranslations("overview");
  const stats = useJobStats();
  if (stats.isPending) {
    return (
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <CardSkeleton />
        <CardSkeleton />
        <CardSkeleton />
      </div>
    );
  }
  if (stats.isError && !stats.data) {
    return (
      <Card title={t("jobsTitle")} titleId="job-activity-title">
        <QueryError title={t("jobsFailed")} query={stats} />
      </Card>
    );
  }
  return (
    <div className="grid items-start gap-6 lg:grid-cols-3">
      <JobCountsCard counts={stats.data.counts} />
      <RunningJobsCard jobs={stats.data.running} />
      <RecentJobsCard jobs={stats.data.recent} />
    </div>
  );
}
