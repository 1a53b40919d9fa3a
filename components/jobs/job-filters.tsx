"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass, selectClass } from "@/components/ui/field";
import { SWR_REGIONS } from "@/lib/swr/regions";
import { JOB_STATUSES } from "@/lib/jobs/states";
import { checkJobFilterForm, type FilterKey, hasJobFilters, isUpsideDown, JOB_FILTER_KEYS, type JobFilters } from "./filters";
import { jobsHref } from "./links";

/** Filters the form holds that cannot apply: which fields, and whether "To" is before "From". */
export interface FilterProblem {
  fields: ReadonlySet<FilterKey>;
  upsideDown: boolean;
}

/**
 * The history's filters; applying them is a new URL, so the filtered view can be shared and bookmarked. Filters that
 * do not hold (a "To" before "From", a name that cannot be one) are marked and reported through `onInvalidChange`,
 * so the page stops showing jobs that no longer match the form.
 */
export function JobFiltersForm({
  filters,
  onInvalidChange,
}: {
  filters: JobFilters;
  onInvalidChange: (problem: FilterProblem | null) => void;
}) {
  const t = useTranslations("jobs");
  const tStatus = useTranslations("jobStatus");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // An upside-down range can come with the URL, too.
  const [invalid, setInvalid] = useState<ReadonlySet<FilterKey>>(() => new Set(isUpsideDown(filters) ? ["to"] : []));

  const report = (next: ReadonlySet<FilterKey>, upsideDown: boolean) => {
    setInvalid(next);
    onInvalidChange(next.size > 0 ? { fields: next, upsideDown } : null);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const input = Object.fromEntries(JOB_FILTER_KEYS.map((key) => [key, data.get(key) ?? undefined]));
    const checked = checkJobFilterForm(input);
    if (!checked.ok) {
      const dates = { from: String(input.from ?? "") || undefined, to: String(input.to ?? "") || undefined };
      report(checked.invalid, isUpsideDown(dates));
      return;
    }
    report(new Set(), false);
    startTransition(() => router.push(jobsHref(checked.filters)));
  };

  const error = (key: FilterKey) => (invalid.has(key) ? t(`invalid_${key}`) : undefined);
  const text = (
    key: "failureCode" | "namespace" | "targetNamespace" | "repository" | "user" | "from" | "to",
    type: "text" | "date",
    placeholder?: string,
  ) => (
    <Field id={`job-filter-${key}`} label={t(`filter_${key}`)} error={error(key)}>
      {(ids) => (
        <input
          {...ids}
          name={key}
          type={type}
          placeholder={placeholder}
          defaultValue={filters[key] ?? ""}
          className={inputClass}
        />
      )}
    </Field>
  );
  const region = (key: "sourceRegion" | "targetRegion") => (
    <Field id={`job-filter-${key}`} label={t(`filter_${key}`)} error={error(key)}>
      {(ids) => (
        <select {...ids} name={key} defaultValue={filters[key] ?? ""} className={`${selectClass} w-full`}>
          <option value="">{t("anyRegion")}</option>
          {SWR_REGIONS.map((r) => (
            <option key={r.id} value={r.id}>
              {t("regionOption", { id: r.id, label: r.label })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form
      role="search"
      aria-label={t("filters")}
      aria-busy={pending}
      noValidate
      onSubmit={onSubmit}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <Field id="job-filter-status" label={t("filter_status")}>
        {(ids) => (
          <select
            {...ids}
            name="status"
            defaultValue={filters.status ?? ""}
            className={`${selectClass} w-full`}
          >
            <option value="">{t("anyStatus")}</option>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("failureCode", "text", t("failureCodeExample"))}
      {region("sourceRegion")}
      {region("targetRegion")}
      {text("namespace", "text")}
      {text("targetNamespace", "text")}
      {text("repository", "text", t("partOfName"))}
      {text("user", "text", t("partOfEmail"))}
      {text("from", "date")}
      {text("to", "date")}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {t("apply")}
        </button>
        {hasJobFilters(filters) ? (
          <Link href={jobsHref()} className={buttonClass("ghost")}>
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
