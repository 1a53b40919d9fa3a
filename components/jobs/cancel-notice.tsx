"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { JobDetail } from "@/lib/jobs/dto";
import { formatDateTime } from "./format";

/** Who cancelled the job and when, what was not sent, and what SWR still finishes (SWR has no cancel). */
export function CancelNotice({ job }: { job: JobDetail }) {
  const t = useTranslations("job");
  const format = useFormatter();
  if (job.status !== "cancelling" && job.status !== "cancelled") return null;
  const { queued, active, cancelled } = job.counts;
  const cancelling = job.status === "cancelling";
  // While cancelling, queued tags may not be marked yet; they will not be sent either.
  const notSent = cancelling ? cancelled + queued : cancelled;
  const by = job.cancel
    ? t("cancelledBy", { who: job.cancel.by.email, when: formatDateTime(format, job.cancel.at) })
    : null;
  const outcome = cancelling
    ? t("cancellingOutcome", { notSent, withSwr: active })
    : t("cancelledOutcome", { notSent });
  return (
    <section
      aria-label={t("cancelNoticeLabel")}
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p role="status">{by ? `${by} ${outcome}` : outcome}</p>
    </section>
  );
}
