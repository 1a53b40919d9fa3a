import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { SearchParamsRecord } from "@/components/browse/url-state";
import { jobFiltersSearch, parseJobFilters } from "@/components/jobs/filters";
import { JobHistoryView } from "@/components/jobs/job-history-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const filters = parseJobFilters(await searchParams);
  // Keyed on the filters so the form shows the URL's values after back/forward and "Clear".
  return <JobHistoryView key={jobFiltersSearch(filters)} filters={filters} />;
}
