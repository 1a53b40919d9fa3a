"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/use-message";
import type { JobDetail } from "@/lib/jobs/dto";
import { syncJobAgain } from "./api";
import { jobHref } from "./links";

/** Starts a new job with this job's settings (its tags, or its selector evaluated now) and opens it. */
export function SyncAgainButton({ job }: { job: JobDetail }) {
  const t = useTranslations("job");
  const errorText = useErrorText();
  const router = useRouter();
  const again = useMutation({ mutationFn: () => syncJobAgain(job.id), onSuccess: (next) => router.push(jobHref(next.id)) });
  if (job.live) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" disabled={again.isPending} aria-describedby="sync-again-hint" onClick={() => again.mutate()}>
          {again.isPending ? t("syncAgainStarting") : t("syncAgain")}
        </Button>
        <span id="sync-again-hint" className="text-sm text-slate-600 dark:text-slate-300">
          {job.tagSelection ? t("syncAgainHintSelector") : t("syncAgainHintList")}
        </span>
      </div>
      {again.isError ? <Alert>{t("syncAgainError", { message: errorText(again.error) })}</Alert> : null}
    </div>
  );
}
