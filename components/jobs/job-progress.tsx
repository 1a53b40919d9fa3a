"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { JobSummary } from "@/lib/jobs/dto";
import { progressOf, progressTone } from "./status";

/** How far a job got: a bar for every tag that reached an end and the counts people ask about. */
export function JobProgress({ job }: { job: JobSummary }) {
  const t = useTranslations("job");
  const format = useFormatter();
  const progress = progressOf(job.counts);
  const text = t("progressText", progress);
  const counts = [
    ["countQueued", job.counts.queued],
    ["countActive", job.counts.active],
    ["countSucceeded", job.counts.succeeded],
    ["countFailed", job.counts.failed],
    ["countCancelled", job.counts.cancelled],
  ] as const;
  return (
    <section aria-labelledby="job-progress-title" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="job-progress-title" className="text-base font-semibold">
          {t("progressTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">{text}</p>
      </div>
      <ProgressBar label={t("progressLabel")} percent={progress.percent} valueText={text} tone={progressTone(job.status)} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
            <dt className="text-xs text-slate-500 dark:text-slate-400">{t(key)}</dt>
            <dd className="text-xl font-semibold tabular-nums">{format.number(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
