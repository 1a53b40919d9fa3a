"use client";

import { useTranslations } from "next-intl";
import type { JobSummary } from "@/lib/jobs/dto";
import { repositoryPath } from "./format";

/** `cn-north-4 team-a/nginx → ap-southeast-1 team-a`, the arrow spoken as "to". */
export function JobRoute({ job }: { job: JobSummary }) {
  const t = useTranslations("jobs");
  return (
    <span>
      {t("routeFrom", {
        region: job.sourceRegion,
        repository: repositoryPath(job.sourceNamespace, job.sourceRepository),
      })}{" "}
      <span aria-hidden="true">→</span>
      <span className="sr-only">{t("routeTo")}</span>{" "}
      {t("routeTarget", { region: job.targetRegion, namespace: job.targetNamespace })}
    </span>
  );
}
