"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { JobCounts } from "@/lib/jobs/dto";
import { TASK_STATES, type TaskState } from "@/lib/jobs/states";

// The counts say retrying + submitted only together ("active"); each alone is known only when that sum is 0.
function countOf(counts: JobCounts | null, status: TaskState | undefined): number | null {
  if (counts === null) return null;
  switch (status) {
    case undefined:
      return counts.total;
    case "retrying":
    case "submitted":
      return counts.active === 0 ? 0 : null;
    case "skipped_identical":
      return counts.skipped;
    default:
      return counts[status];
  }
}

/** Segmented buttons, one per task state and "All", each with its count when the counts (null: not known yet) tell it. */
export function TaskStatusFilter({
  counts,
  value,
  onChange,
}: {
  counts: JobCounts | null;
  value: TaskState | undefined;
  onChange: (status: TaskState | undefined) => void;
}) {
  const t = useTranslations("job");
  const options = [undefined, ...TASK_STATES];
  return (
    <div role="group" aria-label={t("statusFilter")} className="flex flex-wrap gap-1.5">
      {options.map((status) => {
        const label = t(status ? `filter_${status}` : "filter_all");
        const count = countOf(counts, status);
        const pressed = status === value;
        return (
          <button
            key={status ?? "all"}
            type="button"
            aria-pressed={pressed}
            className={buttonClass(pressed ? "primary" : "secondary", "px-2.5 py-1")}
            onClick={() => onChange(status)}
          >
            {count === null ? label : t("filterCount", { label, count })}
          </button>
        );
      })}
    </div>
  );
}
