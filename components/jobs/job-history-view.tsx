"use client";

import { useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { isUpsideDown, type JobFilters } from "./filters";
import { JobFiltersForm, type FilterProblem } from "./job-filters";
import { JobHistory } from "./job-history";
import { jobsCsvHref } from "./links";

/**
 * The history page below its title: the filters, the export and the matching jobs. Days are days in the zone the
 * page shows times in, so "From" = "To" = a day in the list finds that day's jobs. While the form holds filters that
 * cannot apply, no jobs are shown: the old ones would not match what the form says.
 */
export function JobHistoryView({ filters }: { filters: JobFilters }) {
  const t = useTranslations("jobs");
  const timeZone = useTimeZone() ?? "UTC";
  const [problem, setProblem] = useState<FilterProblem | null>(() =>
    isUpsideDown(filters) ? { fields: new Set(["to"]), upsideDown: true } : null,
  );
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {/* A plain link: the browser downloads the CSV the route handler streams. */}
        {problem === null ? (
          <a href={jobsCsvHref(filters, timeZone)} download className={buttonClass("secondary")}>
            {t("exportCsv")}
          </a>
        ) : null}
      </div>
      <JobFiltersForm filters={filters} onInvalidChange={setProblem} />
      {problem === null ? (
        <JobHistory filters={filters} timeZone={timeZone} />
      ) : (
        <p role="alert" className="rounded-lg border border-red-300 p-6 text-center text-sm text-red-800 dark:border-red-700 dark:text-red-200">
          {problem.upsideDown ? t("rangeUpsideDown") : t("filtersInvalid")}
        </p>
      )}
    </>
  );
}
