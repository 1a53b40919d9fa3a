"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import { MAX_PATTERN_LENGTH } from "@/lib/jobs/pattern";
import { repositoryTagsProblem, type RepositoryTags } from "./sync-scope";

/** How many repository names the panel lists before "and N more". */
const NAMED = 10;

/** For a sync of several repositories: which they are, and whether every tag of each goes or the tags matching a pattern. */
export function RepositoryTagsField({
  repositories,
  value,
  onChange,
}: {
  repositories: readonly { name: string; tagCount: number }[];
  value: RepositoryTags;
  onChange: (value: RepositoryTags) => void;
}) {
  const t = useTranslations("syncTargets");
  const tt = useTranslations("tags");
  const format = useFormatter();
  const id = useId();
  const tags = repositories.reduce((n, r) => n + r.tagCount, 0);
  const names = repositories.slice(0, NAMED).map((r) => r.name);
  const more = repositories.length - names.length;
  const radio = "h-4 w-4 accent-blue-600";
  const invalid = repositoryTagsProblem(value) === "invalid";
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <span className="font-medium">{t("repositories", { count: repositories.length })}</span>{" "}
        <span className="font-mono">{format.list(names, { type: "conjunction" })}</span>
        {more > 0 ? ` ${t("moreRepositories", { count: more })}` : null}
      </p>
      <fieldset className="space-y-1.5 text-sm">
        <legend className="font-medium">{t("tagsLegend")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name={`${id}-tags`} className={radio} checked={value.kind === "all"} onChange={() => onChange({ kind: "all" })} />
          {t("tagsAll", { count: tags })}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-tags`}
            className={radio}
            checked={value.kind === "pattern"}
            onChange={() => onChange({ kind: "pattern", pattern: "" })}
          />
          {t("tagsPattern")}
        </label>
        {value.kind === "pattern" ? (
          <div className="space-y-1 pl-6">
            <label htmlFor={`${id}-pattern`} className="block text-sm font-medium">
              {t("pattern")}
            </label>
            <input
              id={`${id}-pattern`}
              aria-describedby={`${id}-pattern-hint`}
              className={`${inputClass} font-mono`}
              autoComplete="off"
              spellCheck={false}
              placeholder={tt("patternPlaceholder")}
              aria-invalid={invalid || undefined}
              value={value.pattern}
              onChange={(e) => onChange({ kind: "pattern", pattern: e.target.value })}
            />
            <p id={`${id}-pattern-hint`} className={`text-xs ${invalid ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}>
              {invalid ? tt("patternInvalid", { max: MAX_PATTERN_LENGTH }) : tt("patternHelp")}
            </p>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
