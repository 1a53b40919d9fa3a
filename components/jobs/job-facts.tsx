"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { regionLabel } from "@/lib/swr/regions";
import type { JobSummary } from "@/lib/jobs/dto";
import { formatDateTime, repositoryPath } from "./format";
import { sourceRepositoryHref, targetRepositoryHref } from "./links";

/** Who started the job, when, from where to where, and how. */
export function JobFacts({ job }: { job: JobSummary }) {
  const t = useTranslations("job");
  const format = useFormatter();
  const place = (region: string, namespace: string) =>
    t("place", {
      region,
      regionLabel: regionLabel(region),
      repository: repositoryPath(namespace, job.sourceRepository),
    });
  const link = (href: string, text: string) => (
    <Link href={href} className="text-blue-700 underline dark:text-blue-300">
      {text}
    </Link>
  );
  const selection = job.tagSelection;
  const tagSelectionText =
    selection === null
      ? t("tagSelectionList", { count: job.counts.total })
      : "all" in selection
        ? t("tagSelectionAll", { count: job.counts.total })
        : t("tagSelectionPattern", { pattern: selection.pattern, count: job.counts.total });
  const facts: [string, ReactNode][] = [
    [t("startedBy"), job.createdBy.email],
    [t("startedAt"), formatDateTime(format, job.createdAt)],
    [t("updatedAt"), formatDateTime(format, job.updatedAt)],
    [t("finishedAt"), job.finishedAt ? formatDateTime(format, job.finishedAt) : t("notFinished")],
    [t("source"), link(sourceRepositoryHref(job), place(job.sourceRegion, job.sourceNamespace))],
    [t("target"), link(targetRepositoryHref(job), place(job.targetRegion, job.targetNamespace))],
    [t("tagSelection"), tagSelectionText],
    [t("override"), job.override ? t("overrideYes") : t("overrideNo")],
    [t("attempt"), format.number(job.attempt)],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
