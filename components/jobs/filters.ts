import { z } from "zod";
import { parseLeniently, toSearch, type SearchParamsRecord } from "@/components/browse/url-state";
import { namespaceNameSchema } from "@/lib/swr/names";
import { regionIdSchema } from "@/lib/swr/regions";
import { failureCodeSchema } from "@/lib/jobs/schemas";
import { JOB_STATUSES } from "@/lib/jobs/states";

// The history's filters live in the URL (shareable, back-button friendly) under the same names the API takes.

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const daySchema = z
  .string()
  .regex(DAY_RE, "must be a date such as 2024-05-31")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "is not a calendar date");

// The same rules as the API, so a filter the API would refuse is caught in the form. Repository and user are parts
// of names (the API matches them in any case); namespaces are whole names.
const fields = {
  status: optional(z.enum(JOB_STATUSES)),
  failureCode: optional(failureCodeSchema),
  sourceRegion: optional(regionIdSchema),
  targetRegion: optional(regionIdSchema),
  namespace: optional(z.string().trim().pipe(namespaceNameSchema)),
  targetNamespace: optional(z.string().trim().pipe(namespaceNameSchema)),
  repository: optional(z.string().trim().toLowerCase().max(128, "must be at most 128 characters")),
  user: optional(z.string().trim().toLowerCase().max(254, "must be at most 254 characters")),
  from: optional(daySchema),
  to: optional(daySchema),
};

export const jobFiltersSchema = z.object(fields);
export type JobFilters = z.output<typeof jobFiltersSchema>;

/** Whether "To" is a day before "From": such a range matches nothing, and says so instead of showing jobs. */
export function isUpsideDown(filters: Pick<JobFilters, "from" | "to">): boolean {
  return filters.from !== undefined && filters.to !== undefined && filters.to < filters.from;
}

/** What the filter form accepts: every field valid and the range not upside down. */
export const jobFiltersFormSchema = jobFiltersSchema.refine((f) => !isUpsideDown(f), {
  path: ["to"],
  message: "must be on or after the “from” date",
});

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

/** Search params → filters; a value that does not parse is dropped rather than failing the page. */
export function parseJobFilters(params: SearchParamsRecord): JobFilters {
  return parseLeniently(jobFiltersSchema, params) ?? {};
}

/** Filters → `?status=failed&user=…` in a fixed key order, without empty values ("" when none). */
export function jobFiltersSearch(filters: JobFilters): string {
  return toSearch(Object.fromEntries(JOB_FILTER_KEYS.map((key) => [key, filters[key]])));
}

export function hasJobFilters(filters: JobFilters): boolean {
  return JOB_FILTER_KEYS.some((key) => filters[key] !== undefined);
}
