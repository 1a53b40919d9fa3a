"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ProgressBar, progressFillClass, type ProgressTone } from "@/components/ui/progress-bar";
import type { JobCounts, JobSummary } from "@/lib/jobs/dto";
import { progressOf, progressSegments } from "./status";

const COUNTS: readonly (readonly [Exclude<keyof JobCounts, "total">, string, ProgressTone | null])[] = [
  ["queued", "countQueued", null],
  ["active", "countActive", null],
  ["succeeded", "countSucceeded", "success"],
  ["skipped", "countSkipped", "success-muted"],
  ["kept", "countKept", "accent"],
  ["failed", "countFailed", "danger"],
  ["cancelled", "countCancelled", "neutral"],
];

/** How far a job got: a bar with one colour per outcome, and the counts people ask about with the same colours. */
export function JobProgress({ job }: { job: JobSummary }) {
  const t = useTranslations("job");
  const format = useFormatter();
  const progress = progressOf(job.counts);
  const text = t("progressText", progress);
  return (
    <section aria-labelledby="job-progress-title" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="job-progress-title" className="text-base font-semibold">
          {t("progressTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">{text}</p>
      </div>
      <ProgressBar label={t("progressLabel")} percent={progress.percent} valueText={text} segments={progressSegments(job.counts)} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {COUNTS.map(([field, key, tone]) => (
          <div key={key} className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
            <dt className="flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
              {tone ? <span aria-hidden="true" className={`inline-block size-2 rounded-full ${progressFillClass(tone)}`} /> : null}
              {t(key)}
            </dt>
            <dd className="text-xl font-semibold tabular-nums">{format.number(job.counts[field])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
