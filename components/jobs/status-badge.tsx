"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { JobStatus, TaskState } from "@/lib/jobs/states";
import { jobBadge, taskBadge } from "./status";

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const t = useTranslations();
  const { tone, labelKey } = jobBadge(status);
  return <Badge tone={tone}>{t(labelKey)}</Badge>;
}

export function TaskStatusBadge({ state }: { state: TaskState }) {
  const t = useTranslations();
  const { tone, labelKey } = taskBadge(state);
  return <Badge tone={tone}>{t(labelKey)}</Badge>;
}
