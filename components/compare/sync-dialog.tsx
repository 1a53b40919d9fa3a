"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { planJob } from "@/components/jobs/api";
import { jobHref } from "@/components/jobs/links";
import { UNREADABLE_ANSWER, useSubmitSync } from "@/components/sync-panel/use-submit-sync";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { useErrorText, useFieldErrorText } from "@/components/ui/use-message";
import { ApiError } from "@/lib/query/api-client";
import { compareKeys } from "./use-comparison";
import { requestTagCount, type MultiJobRequest } from "./sync-request";

/** The server's sentence and, when it names fields, the first few of their messages, in the reader's language. */
function useRefusalText(): (error: unknown) => string {
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  return (error) => {
    if (!(error instanceof ApiError)) return errorText(error);
    const fields = Object.entries(fieldErrorText(error))
      .slice(0, 3)
      .map(([name, messages]) => `${name}: ${messages.join(" ")}`);
    return [errorText(error), ...fields].join(" ");
  };
}

const box = "rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700";

/** Confirms one job over the compared repositories: the server's plan (tasks per class) first, then the job page. */
export function SyncDialog({ request, title, onClose }: { request: MultiJobRequest; title: string; onClose: () => void }) {
  const t = useTranslations("compareSync");
  const format = useFormatter();
  const router = useRouter();
  const planId = useId();
  const plan = useQuery({
    queryKey: [...compareKeys.all, "plan", request],
    queryFn: () => planJob(request),
    // A refusal (too many tasks, a namespace gone) is the answer, not a hiccup.
    retry: false,
    staleTime: 0,
  });
  // The shared submit: an Idempotency-Key of the request, so a second click or a reload answers the same job.
  const start = useSubmitSync();
  const refusalText = useRefusalText();

  const n = (value: number) => format.number(value);
  const startError =
    start.error === null
      ? undefined
      : start.error instanceof ApiError && start.error.code === UNREADABLE_ANSWER
        ? t("unreadableAnswer")
        : t("startFailed", { message: refusalText(start.error) });

  let planView;
  if (plan.isPending) {
    planView = (
      <p role="status" className={box}>
        {t("planLoading")}
      </p>
    );
  } else if (plan.isError) {
    planView = (
      <p role="alert" className={`${box} border-red-300 text-red-800 dark:border-red-700 dark:text-red-200`}>
        {t("planFailed", { message: refusalText(plan.error) })}
      </p>
    );
  } else {
    const { count, classes } = plan.data;
    const rows: [string, number][] = [
      [t("class_new"), classes.new],
      [t("class_overwrite"), classes.overwrite],
      [t("class_keep"), classes.keep],
      [t("class_identical"), classes.identical],
    ];
    planView = (
      <div className={`${box} space-y-1`}>
        <p id={planId} className="font-medium">
          {t("planTitle", { count })}
        </p>
        <dl aria-labelledby={planId} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd className="tabular-nums">{n(value)}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }

  return (
    <Dialog open onClose={onClose} title={title}>
      <p className="text-sm">
        {t("scope", {
          tags: requestTagCount(request),
          repositories: request.repositories.length,
          source: `${request.source.region}/${request.source.namespace}`,
        })}
      </p>
      <ul aria-label={t("targetsLabel")} className="flex flex-wrap gap-1.5 text-sm">
        {request.targets.map((target) => (
          <li key={`${target.region}/${target.namespace}`} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
            {target.region}/{target.namespace}
          </li>
        ))}
      </ul>
      <p className="text-sm">{request.override ? t("overrideOn") : t("overrideOff")}</p>
      {planView}
      <ConfirmActions
        error={startError}
        keepLabel={t("cancel")}
        onKeep={onClose}
        confirmLabel={start.isPending || start.isSuccess ? t("starting") : t("start")}
        onConfirm={() => start.mutate(request, { onSuccess: (job) => router.push(jobHref(job.id)) })}
        disabled={!plan.isSuccess || plan.data.count === 0 || start.isPending || start.isSuccess}
      />
    </Dialog>
  );
}
