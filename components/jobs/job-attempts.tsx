"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRecordedErrorText } from "@/components/ui/use-message";
import type { JobDetail } from "@/lib/jobs/dto";
import { fetchJobAttempts } from "./api";
import { formatDateTime, repositoryPath } from "./format";
import { jobKeys } from "./query-keys";

/** Earlier attempts of a retried job, each with its counts and failures as it ended; nothing for a job never retried. */
export function JobAttempts({ job }: { job: JobDetail }) {
  const t = useTranslations("job");
  const format = useFormatter();
  const errorText = useRecordedErrorText();
  const query = useQuery({
    // A new attempt (retry, overwrite) changes `attempt`: the list is read again then, not on every poll.
    queryKey: [...jobKeys.detail(job.id), "attempts", job.attempt],
    queryFn: ({ signal }) => fetchJobAttempts(job.id, signal),
    enabled: job.attempt > 1,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (job.attempt <= 1 || !query.data || query.data.attempts.length === 0) return null;
  return (
    <section aria-labelledby="attempts-heading" className="space-y-3">
      <h2 id="attempts-heading" className="text-lg font-semibold">
        {t("attemptsHeading")}
      </h2>
      <ol className="space-y-3">
        {query.data.attempts.map((a) => (
          <li key={a.attempt} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
            <p className="font-medium">
              {t("attemptLine", {
                attempt: a.attempt,
                how: a.endedHow === "retry" ? t("attemptHowRetry") : t("attemptHowOverwrite"),
                by: a.endedBy.email,
                endedAt: formatDateTime(format, a.endedAt),
              })}
            </p>
            <p className="text-slate-600 dark:text-slate-300">
              {t("attemptCounts", {
                total: a.counts.total,
                succeeded: a.counts.succeeded + a.counts.skipped,
                failed: a.counts.failed,
                cancelled: a.counts.cancelled,
                kept: a.counts.kept,
              })}
            </p>
            {a.errors.length > 0 ? (
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {a.errors.map((e) => (
                  <li key={e.code}>
                    <span className="font-mono text-xs">{e.code}</span> · {t("attemptErrorCount", { count: e.count })}: {errorText(e)}
                    <span className="block text-slate-500 dark:text-slate-400">
                      {e.tags.map((tag) => `${repositoryPath(job.sourceNamespace, tag.repository)}:${tag.tag} → ${tag.targetRegion}`).join(", ")}
                      {e.count > e.tags.length ? ` ${t("andMore", { count: e.count - e.tags.length })}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
