"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass, selectClass } from "@/components/ui/field";
import { SWR_REGIONS } from "@/lib/swr/regions";
import { JOB_STATUSES } from "@/lib/jobs/states";
import { hasJobFilters, JOB_FILTER_KEYS, jobFiltersFormSchema, type JobFilters } from "./filters";
import { jobsHref } from "./links";

type FilterKey = (typeof JOB_FILTER_KEYS)[number];

/** The history's filters; applying them is a new URL, so the filtered view can be shared and bookmarked. */
export function JobFiltersForm({ filters }: { filters: JobFilters }) {
  const t = useTranslations("jobs");
  const tStatus = useTranslations("jobStatus");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [invalid, setInvalid] = useState<ReadonlySet<FilterKey>>(new Set());

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const input = Object.fromEntries(JOB_FILTER_KEYS.map((key) => [key, data.get(key) ?? undefined]));
    const parsed = jobFiltersFormSchema.safeParse(input);
    if (!parsed.success) {
      setInvalid(
        new Set(JOB_FILTER_KEYS.filter((key) => parsed.error.issues.some((i) => i.path[0] === key))),
      );
      return;
    }
    setInvalid(new Set());
    startTransition(() => router.push(jobsHref(parsed.data)));
  };

  const error = (key: FilterKey) => (invalid.has(key) ? t(`invalid_${key}`) : undefined);
  const text = (
    key: "namespace" | "repository" | "user" | "from" | "to",
    type: "text" | "email" | "date",
  ) => (
    <Field id={`job-filter-${key}`} label={t(`filter_${key}`)} error={error(key)}>
      {(ids) => (
        <input {...ids} name={key} type={type} defaultValue={filters[key] ?? ""} className={inputClass} />
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
      {region("sourceRegion")}
      {region("targetRegion")}
      {text("namespace", "text")}
      {text("repository", "text")}
      {text("user", "email")}
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
