"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { JobStatus, TaskState } from "@/lib/jobs/states";
import { jobBadge, keptNote, taskBadge } from "./status";

/** A job's status; with `kept`, a settled job also says how many tags it left in place ("Succeeded (3 kept)"). */
export function JobStatusBadge({ status, kept }: { status: JobStatus; kept?: number }) {
  const t = useTranslations();
  const { tone, labelKey } = jobBadge(status);
  const count = keptNote(status, kept);
  return <Badge tone={tone}>{count === null ? t(labelKey) : t("jobs.statusWithKept", { status: t(labelKey), count })}</Badge>;
}

export function TaskStatusBadge({ state }: { state: TaskState }) {
  const t = useTranslations();
  const { tone, labelKey } = taskBadge(state);
  return <Badge tone={tone}>{t(labelKey)}</Badge>;
}
