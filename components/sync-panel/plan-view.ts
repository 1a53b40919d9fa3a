import { PLAN_CLASSES, type PlanClass } from "@/lib/compare/classify";
import type { JobPlanDetail, PlannedTaskRef } from "@/lib/jobs/dto";
import type { JobTarget } from "@/lib/jobs/schemas";

// The plan's answer cut per target for the sync panel; pure, so it is tested without a browser.

export type ClassCounts = Record<PlanClass, number>;

export interface TargetPlan {
  target: JobTarget;
  classes: ClassCounts;
  /** The plan's named tasks of each class for this target (the plan names the first 100 of each class in all). */
  samples: Record<PlanClass, PlannedTaskRef[]>;
}

const emptyCounts = (): ClassCounts => ({ new: 0, identical: 0, overwrite: 0, keep: 0 });
const forTarget = (target: JobTarget) => (t: { targetRegion: string; targetNamespace: string }) =>
  t.targetRegion === target.region && t.targetNamespace === target.namespace;

/** One entry per target, in the order given, with its counts summed over the repositories. */
export function planPerTarget(plan: JobPlanDetail, targets: readonly JobTarget[]): TargetPlan[] {
  return targets.map((target) => {
    const mine = forTarget(target);
    const classes = emptyCounts();
    for (const g of plan.groups.filter(mine)) for (const c of PLAN_CLASSES) classes[c] += g[c];
    const samples = Object.fromEntries(PLAN_CLASSES.map((c) => [c, plan.samples[c].filter(mine)])) as TargetPlan["samples"];
    return { target, classes, samples };
  });
}

/** The whole plan as one target's view, for a sync to a single target. */
export const wholePlan = (plan: JobPlanDetail, target: JobTarget): TargetPlan => ({ target, classes: plan.classes, samples: plan.samples });
