"use client";

import { useTranslations } from "next-intl";
import { errorMessage } from "@/lib/query/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { JobSummary } from "./api";
import { useRetryJob } from "./use-jobs";

/** Starts a new attempt for the failed tags only; the API's refusal is shown as it said it. */
export function RetryFailedButton({ job }: { job: JobSummary }) {
  const t = useTranslations("job");
  const toast = useToast();
  const retry = useRetryJob(job.id);
  const failed = job.counts.failed;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          disabled={failed === 0 || retry.isPending}
          aria-describedby="retry-failed-hint"
          onClick={() =>
            retry.mutate(undefined, {
              onSuccess: () => toast(t("retryStarted", { count: failed }), "success"),
              onError: (error) => toast(t("retryFailedToast", { message: errorMessage(error) }), "error"),
            })
          }
        >
          {retry.isPending ? t("retrying") : t("retryFailed")}
        </Button>
        <span id="retry-failed-hint" className="text-sm text-slate-600 dark:text-slate-300">
          {failed === 0 ? t("retryNothing") : t("retryHint", { count: failed })}
        </span>
      </div>
      {retry.isError ? <Alert>{t("retryError", { message: errorMessage(retry.error) })}</Alert> : null}
    </div>
  );
}
