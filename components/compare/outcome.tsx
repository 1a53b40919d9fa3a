"use client";

import { useRecordedErrorText } from "@/components/ui/use-message";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CompareOutcome } from "@/lib/compare/classify";
import type { SwrFailureDto } from "@/lib/compare/dto";

// How an outcome and a failed read read on the compare page.

export const OUTCOME_TONES: Record<CompareOutcome, BadgeTone> = {
  missing: "warning",
  identical: "success",
  differs: "danger",
  only_in_target: "info",
};

export function OutcomeBadge({ outcome }: { outcome: CompareOutcome }) {
  const t = useTranslations("compare");
  return <Badge tone={OUTCOME_TONES[outcome]}>{t(`outcome_${outcome}`)}</Badge>;
}

/** A failed SWR read in the reader's language: the code chooses the sentence, SWR's own words follow where they help. */
export function useFailureText() {
  const t = useTranslations("compare");
  const errorText = useRecordedErrorText();
  return (failure: SwrFailureDto, where: { namespace: string; repository: string }) =>
    t(`failure_${failure.code}`, { region: failure.region, namespace: where.namespace, repository: where.repository, message: errorText(failure) });
}
