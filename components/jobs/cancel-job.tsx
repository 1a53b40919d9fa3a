"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import type { JobDetail } from "@/lib/jobs/dto";
import { useCancelJob, useTaskCount } from "./use-jobs";

/**
 * "Cancel sync" and its confirmation, which says how many tags will not be sent and how many SWR already has (SWR
 * cannot stop those). Stays mounted while the job moves on, so the outcome of a cancel is always reported.
 */
export function CancelJob({ job }: { job: JobDetail }) {
  const t = useTranslations("job");
  const errorText = useErrorText();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const cancel = useCancelJob(job.id);
  const { queued, active } = job.counts;
  // `active` is retrying + submitted; the retrying ones have not been sent yet, so they are counted apart.
  const retrying = useTaskCount(job.id, "retrying", open && active > 0);
  const retryingCount = active === 0 ? 0 : retrying.data;
  const unsent = queued + (retryingCount ?? 0);
  const withSwr = active - (retryingCount ?? 0);
  const offered = job.live && job.status !== "cancelling";
  const close = () => {
    setOpen(false);
    cancel.reset();
  };

  return (
    <>
      {offered ? (
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t("cancelButton")}
        </Button>
      ) : null}
      <Dialog open={open} onClose={close} title={t("cancelTitle")}>
        {!job.live ? (
          <p className="text-sm">{t("cancelTooLate")}</p>
        ) : retryingCount === undefined && !retrying.isError ? (
          <p role="status" className="text-sm">
            {t("cancelCounting")}
          </p>
        ) : (
          <p className="text-sm">
            {unsent === 0 ? t("cancelUnsentNone") : t("cancelUnsent", { count: unsent })}{" "}
            {withSwr === 0 ? t("cancelWithSwrNone") : t("cancelWithSwr", { count: withSwr })}
          </p>
        )}
        <ConfirmActions
          error={cancel.isError ? t("cancelError", { message: errorText(cancel.error) }) : null}
          keepLabel={t("cancelKeep")}
          onKeep={close}
          confirmLabel={cancel.isPending ? t("cancelPending") : t("cancelConfirm")}
          disabled={cancel.isPending || !job.live}
          onConfirm={() =>
            cancel.mutate(undefined, {
              onSuccess: () => {
                setOpen(false);
                toast(t("cancelStarted"), "success");
              },
            })
          }
        />
      </Dialog>
    </>
  );
}
