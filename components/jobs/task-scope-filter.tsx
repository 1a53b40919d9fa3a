"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";

/** For a job over several repositories or targets: show the tags of one repository, one target, or both. */
export function TaskScopeFilter({
  repositories,
  targets,
  repository,
  target,
  onChange,
}: {
  /** The job's repositories by name; empty until its progress has loaded. */
  repositories: readonly string[];
  /** The job's targets as `region/namespace`. */
  targets: readonly string[];
  repository: string | undefined;
  target: string | undefined;
  onChange: (next: { repository: string | undefined; target: string | undefined }) => void;
}) {
  const t = useTranslations("jobScope");
  return (
    <div role="group" aria-label={t("scopeFilter")} className="flex flex-wrap items-end gap-3">
      {repositories.length > 1 || repository !== undefined ? (
        <SelectField label={t("filterRepository")} value={repository ?? ""} onChange={(e) => onChange({ repository: e.target.value || undefined, target })}>
          <option value="">{t("allRepositories")}</option>
          {repositories.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {targets.length > 1 ? (
        <SelectField label={t("filterTarget")} value={target ?? ""} onChange={(e) => onChange({ repository, target: e.target.value || undefined })}>
          <option value="">{t("allTargets")}</option>
          {targets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
      ) : null}
    </div>
  );
}
