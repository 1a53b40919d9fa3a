import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { SearchParamsRecord } from "@/components/browse/url-state";
import { jobFiltersSearch, parseJobFilters } from "@/components/jobs/filters";
import { JobFiltersForm } from "@/components/jobs/job-filters";
import { JobHistory } from "@/components/jobs/job-history";
import { jobsCsvHref } from "@/components/jobs/links";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const filters = parseJobFilters(await searchParams);
  const t = await getTranslations("jobs");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {/* A plain link: the browser downloads the CSV the route handler streams. */}
        <a href={jobsCsvHref(filters)} download className={buttonClass("secondary")}>
          {t("exportCsv")}
        </a>
      </div>
      {/* Keyed on the filters so the form shows the URL's values after back/forward and "Clear". */}
      <JobFiltersForm key={jobFiltersSearch(filters)} filters={filters} />
      <JobHistory filters={filters} />
    </>
  );
}
