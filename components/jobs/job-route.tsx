"use client";

import { useTranslations } from "next-intl";
import { nowrap } from "@/components/ui/nowrap";
import type { JobSummary } from "@/lib/jobs/dto";
import { repositoryPath } from "./format";

/** `team-a/nginx`, or `team-a/nginx +2 more` for a job over three repositories. */
export function useJobRepositoryText() {
  const t = useTranslations("jobScope");
  return (job: Pick<JobSummary, "sourceNamespace" | "sourceRepository" | "repositoryCount">) => {
    const first = repositoryPath(job.sourceNamespace, job.sourceRepository);
    return job.repositoryCount > 1 ? t("repositoryMore", { repository: first, more: job.repositoryCount - 1 }) : first;
  };
}

/** `cn-north-4 team-a/nginx → ap-southeast-1 team-a`, the arrow spoken as "to"; `+N` for further repositories and targets. */
export function JobRoute({ job }: { job: JobSummary }) {
  const t = useTranslations("jobs");
  const ts = useTranslations("jobScope");
  const repositoryText = useJobRepositoryText();
  return (
    <span>
      {t.rich("routeFrom", {
        region: job.sourceRegion,
        repository: repositoryText(job),
        id: nowrap,
      })}{" "}
      <span aria-hidden="true">→</span>
      <span className="sr-only">{t("routeTo")}</span>{" "}
      {t.rich("routeTarget", { region: job.targetRegion, namespace: job.targetNamespace, id: nowrap })}
      {job.targetCount > 1 ? ` ${ts("targetMore", { more: job.targetCount - 1 })}` : null}
    </span>
  );
}
