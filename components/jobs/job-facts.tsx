"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { regionLabel } from "@/lib/swr/regions";
import type { JobSummary } from "@/lib/jobs/dto";
import { repositoriesHref, repositoryHref } from "@/components/browse/links";
import { spansSeveral } from "./breakdown";
import { formatDateTime, repositoryPath } from "./format";
import { sourceRepositoryHref, targetRepositoryHref } from "./links";

/** A job's duration in words: "45 s", "3 min 5 s", "2 h 4 min". */
export function durationText(t: (key: string, values: Record<string, number>) => string, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return t("durationHours", { h, m });
  if (m > 0) return t("durationMinutes", { m, s });
  return t("durationSeconds", { s });
}

/**
 * Who started the job, when, from where to where, and how. A job over several repositories or targets names them all
 * (`repositories`, from its progress, is null until that has loaded).
 */
export function JobFacts({ job, repositories = null }: { job: JobSummary; repositories?: readonly string[] | null }) {
  const t = useTranslations("job");
  const ts = useTranslations("jobScope");
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
  const several = spansSeveral(job);
  // How each repository's tags were chosen, for a job over several.
  const severalSelectionText = selection === null ? ts("tagsListed") : "all" in selection ? ts("tagsAll") : ts("tagsPattern", { pattern: selection.pattern });
  const namespacePlace = (region: string, namespace: string) => ts("place", { region, regionLabel: regionLabel(region), namespace });
  const ends: [string, ReactNode][] = several
    ? [
        [
          t("source"),
          job.repositoryCount > 1
            ? link(repositoriesHref({ region: job.sourceRegion, namespace: job.sourceNamespace }), namespacePlace(job.sourceRegion, job.sourceNamespace))
            : link(sourceRepositoryHref(job), place(job.sourceRegion, job.sourceNamespace)),
        ],
        [ts("repositories", { count: job.repositoryCount }), repositories ? format.list(repositories, { type: "conjunction" }) : ts("repositoriesLoading")],
        [
          ts("targets", { count: job.targetCount }),
          <ul key="targets" aria-label={ts("targets", { count: job.targetCount })} className="space-y-0.5">
            {job.targets.map((target) => (
              <li key={`${target.region}/${target.namespace}`}>
                {job.repositoryCount > 1
                  ? link(repositoriesHref(target), namespacePlace(target.region, target.namespace))
                  : link(repositoryHref({ ...target, repository: job.sourceRepository }), place(target.region, target.namespace))}
              </li>
            ))}
          </ul>,
        ],
        [t("tagSelection"), `${severalSelectionText} · ${ts("tagsInAll", { count: job.counts.total })}`],
      ]
    : [
        [t("source"), link(sourceRepositoryHref(job), place(job.sourceRegion, job.sourceNamespace))],
        [t("target"), link(targetRepositoryHref(job), place(job.targetRegion, job.targetNamespace))],
        [t("tagSelection"), tagSelectionText],
      ];
  const facts: [string, ReactNode][] = [
    [t("startedBy"), job.createdBy.email],
    [t("startedAt"), formatDateTime(format, job.createdAt)],
    // While the job runs: when a tag last moved (a stalled job shows it); once it has finished, that is its end.
    ...(job.finishedAt ? [] : [[t("progressAt"), formatDateTime(format, job.progressAt)] as [string, ReactNode]]),
    [t("finishedAt"), job.finishedAt ? formatDateTime(format, job.finishedAt) : t("notFinished")],
    ...(job.finishedAt ? [[t("duration"), durationText(t, Date.parse(job.finishedAt) - Date.parse(job.createdAt))] as [string, ReactNode]] : []),
    ...ends,
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
