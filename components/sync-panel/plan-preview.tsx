"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { errorMessage } from "@/lib/query/api-client";
import type { useJobPlan } from "./use-job-plan";

/** How many of the plan's first tags are named before "and N more". */
const SHOWN = 12;

/** The server's answer to "which tags would this sync copy?", shown before the person confirms. */
export function PlanPreview({ plan, targetChosen }: { plan: ReturnType<typeof useJobPlan>; targetChosen: boolean }) {
  const t = useTranslations("syncPanel");
  const listId = useId();
  const box = "rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700";
  if (!targetChosen) return <p className={`${box} text-slate-600 dark:text-slate-300`}>{t("planWaiting")}</p>;
  if (plan.isPending) {
    return (
      <p role="status" className={box}>
        {t("planLoading")}
      </p>
    );
  }
  if (plan.isError) {
    return (
      <p role="alert" className={`${box} border-red-300 text-red-800 dark:border-red-700 dark:text-red-200`}>
        {t("planFailed", { message: errorMessage(plan.error) })}
      </p>
    );
  }
  const { count, tags } = plan.data;
  const shown = tags.slice(0, SHOWN);
  const more = count - shown.length;
  return (
    <div className={`${box} space-y-1`}>
      <p id={listId} className="font-medium">
        {t("planTitle", { count })}
      </p>
      <ul className="flex flex-wrap gap-1.5" aria-labelledby={listId}>
        {shown.map((tag) => (
          <li key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
            {tag}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="text-slate-600 dark:text-slate-300">{t("planMore", { count: more })}</p> : null}
    </div>
  );
}
