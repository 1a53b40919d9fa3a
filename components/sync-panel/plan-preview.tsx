"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { PlanClass } from "@/lib/compare/classify";
import type { PlannedTaskRef } from "@/lib/jobs/dto";
import type { JobTarget } from "@/lib/jobs/schemas";
import { useErrorText } from "@/components/ui/use-message";
import { planPerTarget, wholePlan, type ClassCounts, type TargetPlan } from "./plan-view";
import type { useJobPlan } from "./use-job-plan";

const box = "rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700";
const LIST_KEYS = { new: "listNew", identical: "listIdentical", keep: "listKeep", overwrite: "listOverwrite" } as const;

/** "12 new · 3 identical (skipped) · 2 differ, kept as they are" (or "…will be overwritten" with the setting on). */
function CountsLine({ classes, override }: { classes: ClassCounts; override: boolean }) {
  const t = useTranslations("syncPlan");
  const parts = [
    t("new", { count: classes.new }),
    t("identical", { count: classes.identical }),
    override ? t("overwrite", { count: classes.overwrite }) : t("keep", { count: classes.keep }),
  ];
  return <p>{parts.join(" · ")}</p>;
}

/** One class's tag names behind a disclosure button: the plan names the first ones, the count covers them all. */
function ClassList({ cls, count, samples, showRepository }: { cls: PlanClass; count: number; samples: PlannedTaskRef[]; showRepository: boolean }) {
  const t = useTranslations("syncPlan");
  const [open, setOpen] = useState(false);
  const id = useId();
  const label = t(LIST_KEYS[cls]);
  const more = count - samples.length;
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
      >
        <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>
        {t("toggle", { label, count })}
      </button>
      <div id={id} hidden={!open} className="mt-1 space-y-1 pl-4">
        <ul className="flex flex-wrap gap-1.5" aria-label={label}>
          {samples.map((s) => (
            <li key={`${s.repository}:${s.tag}`} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
              {showRepository ? `${s.repository}:${s.tag}` : s.tag}
            </li>
          ))}
        </ul>
        {more > 0 ? <p className="text-slate-600 dark:text-slate-300">{t("more", { count: more })}</p> : null}
      </div>
    </div>
  );
}

function TargetPlanView({ plan, override, showRepository }: { plan: TargetPlan; override: boolean; showRepository: boolean }) {
  const shown: PlanClass[] = ["new", "identical", override ? "overwrite" : "keep"];
  return (
    <>
      <CountsLine classes={plan.classes} override={override} />
      {shown
        .filter((cls) => plan.classes[cls] > 0)
        .map((cls) => (
          <ClassList key={cls} cls={cls} count={plan.classes[cls]} samples={plan.samples[cls]} showRepository={showRepository} />
        ))}
    </>
  );
}

/** The server's plan before the person confirms: per target, how many tags are new, identical or differ, and which. */
export function PlanPreview({
  plan,
  targetChosen,
  targets,
  override,
  showRepository,
}: {
  plan: ReturnType<typeof useJobPlan>;
  targetChosen: boolean;
  targets: readonly JobTarget[];
  override: boolean;
  /** Several repositories: each tag is named with its repository. */
  showRepository: boolean;
}) {
  const t = useTranslations("syncPlan");
  const errorText = useErrorText();
  if (!targetChosen) return <p className={`${box} text-slate-600 dark:text-slate-300`}>{t("waiting")}</p>;
  if (plan.isPending) {
    return (
      <p role="status" className={box}>
        {t("loading")}
      </p>
    );
  }
  if (plan.isError) {
    return (
      <p role="alert" className={`${box} border-red-300 text-red-800 dark:border-red-700 dark:text-red-200`}>
        {t("failed", { message: errorText(plan.error) })}
      </p>
    );
  }
  const [only] = targets;
  const several = targets.length > 1;
  return (
    <section aria-label={t("title")} className={`${box} space-y-2`}>
      <p className="font-medium">{several ? t("headingTargets", { count: plan.data.count, targets: targets.length }) : t("heading", { count: plan.data.count })}</p>
      {several ? (
        <>
          <CountsLine classes={plan.data.classes} override={override} />
          {planPerTarget(plan.data, targets).map((p) => {
            const name = t("target", { region: p.target.region, namespace: p.target.namespace });
            return (
              <div key={name} role="group" aria-label={name} className="space-y-1 border-t border-slate-200 pt-2 dark:border-slate-700">
                <p className="font-mono text-xs font-medium">{name}</p>
                <TargetPlanView plan={p} override={override} showRepository={showRepository} />
              </div>
            );
          })}
        </>
      ) : only ? (
        <TargetPlanView plan={wholePlan(plan.data, only)} override={override} showRepository={showRepository} />
      ) : null}
    </section>
  );
}
