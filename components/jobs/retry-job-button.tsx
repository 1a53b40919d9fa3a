"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import type { JobDetail } from "@/lib/jobs/dto";
import { retryableCount } from "./status";
import { useRetryJob } from "./use-jobs";

/**
 * Starts a new attempt for the failed and cancelled tags. Offered only once the job has settled and has such tags,
 * so there is never a pale button to puzzle over; the API's refusal is shown as it said it.
 */
export function RetryJobButton({ job }: { job: JobDetail }) {
  const t = useTranslations("job");
  const errorText = useErrorText();
  const toast = useToast();
  const retry = useRetryJob(job.id);
  const { failed, cancelled } = job.counts;
  const count = retryableCount(job.counts);
  const offered = !job.live && count > 0;
  if (!offered && !retry.isError) return null;
  const label = cancelled === 0 ? "retryFailed" : failed === 0 ? "retryCancelled" : "retryBoth";
  return (
    <div className="space-y-2">
      {offered ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            disabled={retry.isPending}
            aria-describedby="retry-hint"
            onClick={() =>
              retry.mutate(undefined, {
                onSuccess: () => toast(t("retryStarted", { count }), "success"),
                onError: (error) => toast(t("retryFailedToast", { message: errorText(error) }), "error"),
              })
            }
          >
            {retry.isPending ? t("retrying") : t(label, { count, failed, cancelled })}
          </Button>
          <span id="retry-hint" className="text-sm text-slate-600 dark:text-slate-300">
            {t("retryHint")}
          </span>
        </div>
      ) : null}
      {retry.isError ? <Alert>{t("retryError", { message: errorText(retry.error) })}</Alert> : null}
    </div>
  );
}
