import { repositoryHref } from "@/components/browse/links";
import { apiUrl } from "@/lib/query/api-client";
import { jobFiltersSearch, type JobFilters } from "./filters";

// Addresses of the job pages and of the repositories a job connects, built in one place.

export const jobHref = (id: string) => `/jobs/${encodeURIComponent(id)}`;

export const jobsHref = (filters: JobFilters = {}) => `/jobs${jobFiltersSearch(filters)}`;

/** The CSV of every job matching the same filters the history shows, its days and times in `timeZone`. */
export const jobsCsvHref = (filters: JobFilters, timeZone: string) =>
  apiUrl("/api/jobs/export.csv", { ...filters, tz: timeZone });

/** The CSV of a job's tags matching the filters the tags list shows: times in `timeZone`, errors in `locale`. */
export const jobTasksCsvHref = (
  id: string,
  filters: { status?: string; q?: string; repository?: string; target?: string },
  timeZone: string,
  locale: string,
) => apiUrl(`/api/jobs/${encodeURIComponent(id)}/export.csv`, { ...filters, tz: timeZone, lang: locale });

interface JobEnds {
  sourceRegion: string;
  sourceNamespace: string;
  sourceRepository: string;
  targetRegion: string;
  targetNamespace: string;
}

export const sourceRepositoryHref = (job: JobEnds) =>
  repositoryHref({
    region: job.sourceRegion,
    namespace: job.sourceNamespace,
    repository: job.sourceRepository,
  });

/** The copy lands under the same repository name in the target namespace. */
export const targetRepositoryHref = (job: JobEnds) =>
  repositoryHref({
    region: job.targetRegion,
    namespace: job.targetNamespace,
    repository: job.sourceRepository,
  });
