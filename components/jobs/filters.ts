import { isBlankParam, toSearch, type SearchParamsRecord } from "@/components/browse/url-state";
import { MAX_FAILURE_CODE_LENGTH } from "@/lib/jobs/limits";
import { JOB_STATUSES, type JobStatus } from "@/lib/jobs/states";
import { isNamespaceName, regionIdOf } from "@/lib/swr/name-rules";

// The history's filters live in the URL (shareable, back-button friendly) under the same names the API takes.

export interface JobFilters {
  status?: JobStatus;
  /** A task error code, e.g. `SVCSTG.SWR.5000007` or `no_progress`. */
  failureCode?: string;
  sourceRegion?: string;
  targetRegion?: string;
  namespace?: string;
  targetNamespace?: string;
  /** Part of a repository name, lowercase (the API matches it in any case). */
  repository?: string;
  /** Part of the starter's email, lowercase. */
  user?: string;
  /** Days, `2024-05-31`. */
  from?: string;
  to?: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const FAILURE_CODE_RE = /^[A-Za-z0-9_.:-]+$/;
const day = (v: string) => (DAY_RE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : null);
const namespace = (v: string) => (isNamespaceName(v.trim()) ? v.trim() : null);
const partOfName = (max: number) => (v: string) => {
  const part = v.trim().toLowerCase();
  return part.length <= max ? part : null;
};

// The same rules as the API, so a filter the API would refuse is caught in the form. Repository and user are parts
// of names (the API matches them in any case); namespaces are whole names. Each gives the value kept, or null.
const RULES: { [K in keyof JobFilters]-?: (value: string) => JobFilters[K] | null } = {
  status: (v) => JOB_STATUSES.find((s) => s === v) ?? null,
  failureCode: (v) => (FAILURE_CODE_RE.test(v.trim()) && v.trim().length <= MAX_FAILURE_CODE_LENGTH ? v.trim() : null),
  sourceRegion: regionIdOf,
  targetRegion: regionIdOf,
  namespace,
  targetNamespace: namespace,
  repository: partOfName(128),
  user: partOfName(254),
  from: day,
  to: day,
};

/** Whether "To" is a day before "From": such a range matches nothing, and says so instead of showing jobs. */
export function isUpsideDown(filters: Pick<JobFilters, "from" | "to">): boolean {
  return filters.from !== undefined && filters.to !== undefined && filters.to < filters.from;
}

export const JOB_FILTER_KEYS = [
  "status",
  "failureCode",
  "sourceRegion",
  "targetRegion",
  "namespace",
  "targetNamespace",
  "repository",
  "user",
  "from",
  "to",
] as const satisfies readonly (keyof JobFilters)[];

export type FilterKey = (typeof JOB_FILTER_KEYS)[number];

/** Each filter of `input` (URL parameters or form fields) by its rule: the ones that pass, and the keys of the others. */
function checkJobFilters(input: Record<string, unknown>): { filters: JobFilters; invalid: FilterKey[] } {
  const filters: Record<string, unknown> = {};
  const invalid: FilterKey[] = [];
  for (const key of JOB_FILTER_KEYS) {
    const value = input[key];
    if (isBlankParam(value)) continue;
    const kept = typeof value === "string" ? RULES[key](value) : null;
    if (kept === null) invalid.push(key);
    else filters[key] = kept;
  }
  return { filters: filters as JobFilters, invalid };
}

/** Search params → filters; a value that does not parse is dropped rather than failing the page. */
export function parseJobFilters(params: SearchParamsRecord): JobFilters {
  return checkJobFilters(params).filters;
}

/** What the filter form accepts: every field valid and the range not upside down; else the fields to correct. */
export function checkJobFilterForm(input: Record<string, unknown>): { ok: true; filters: JobFilters } | { ok: false; invalid: Set<FilterKey> } {
  const { filters, invalid } = checkJobFilters(input);
  if (isUpsideDown(filters)) invalid.push("to");
  return invalid.length === 0 ? { ok: true, filters } : { ok: false, invalid: new Set(invalid) };
}

/** Filters → `?status=failed&user=…` in a fixed key order, without empty values ("" when none). */
export function jobFiltersSearch(filters: JobFilters): string {
  return toSearch(Object.fromEntries(JOB_FILTER_KEYS.map((key) => [key, filters[key]])));
}

export function hasJobFilters(filters: JobFilters): boolean {
  return JOB_FILTER_KEYS.some((key) => filters[key] !== undefined);
}
