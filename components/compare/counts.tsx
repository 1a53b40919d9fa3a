"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { COMPARE_OUTCOMES } from "@/lib/compare/classify";
import type { OutcomeCountsDto } from "@/lib/compare/dto";
import { OUTCOME_TONES } from "./outcome";

/** The four counts of one repository (or of all) in one target; a count of 0 is shown plainly. */
export function OutcomeCounts({ counts }: { counts: OutcomeCountsDto }) {
  const t = useTranslations("compare");
  return (
    <ul className="flex flex-wrap gap-1">
      {COMPARE_OUTCOMES.map((outcome) => {
        const text = t(`count_${outcome}`, { count: counts[outcome] });
        return (
          <li key={outcome}>
            {counts[outcome] > 0 ? <Badge tone={OUTCOME_TONES[outcome]}>{text}</Badge> : <span className="px-2 text-xs text-slate-500 dark:text-slate-400">{text}</span>}
          </li>
        );
      })}
    </ul>
  );
}
