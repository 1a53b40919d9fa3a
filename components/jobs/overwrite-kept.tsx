"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import type { JobDetail } from "@/lib/jobs/dto";
import type { TaskName } from "./api";
import { repositoryPath } from "./format";
import { taskKey } from "./task-changes";
import { useOverwriteKept, useTaskNames } from "./use-jobs";

/** How many kept tags the confirmation names; the rest are counted. */
export const NAMED_KEPT_TAGS = 20;

/**
 * "Overwrite the N kept tags": once the job has settled with tags left in place (the target held other images and
 * override was off), a new attempt sends only those with override on, after a confirmation that names them.
 */
export function OverwriteKept({ job }: { job: JobDetail }) {
  const t = useTranslations("job");
  const errorText = useErrorText();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const overwrite = useOverwriteKept(job.id);
  const count = job.counts.kept;
  const offered = !job.live && count > 0;
  const names = useTaskNames(job.id, "kept", NAMED_KEPT_TAGS, open && offered);
  // A job over one repository and one target names its tags alone; over several, each with its repository and target.
  const single = job.repositoryCount === 1 && job.targetCount === 1;
  const target = `${job.targetRegion} ${repositoryPath(job.targetNamespace, job.sourceRepository)}`;
  const nameOf = (task: TaskName) =>
    single ? task.tag : t("overwriteTaskName", { repository: task.repository, tag: task.tag, region: task.targetRegion, namespace: task.targetNamespace });
  const close = () => {
    setOpen(false);
    overwrite.reset();
  };
  if (!offered && !open) return null;

  let list;
  if (names.isError) list = <Alert>{t("overwriteNamesFailed", { message: errorText(names.error) })}</Alert>;
  else if (!names.data)
    list = (
      <p role="status" className="text-sm">
        {t("overwriteNamesLoading")}
      </p>
    );
  else {
    const more = names.data.total - names.data.tasks.length;
    list = (
      <div className="space-y-1">
        <ul aria-label={t("overwriteNamesLabel")} className="max-h-48 overflow-y-auto rounded-md border border-slate-200 px-3 py-2 font-mono text-sm dark:border-slate-700">
          {names.data.tasks.map((task) => (
            <li key={taskKey(task)}>{nameOf(task)}</li>
          ))}
        </ul>
        {more > 0 ? <p className="text-sm">{t("overwriteNamesMore", { count: more })}</p> : null}
      </div>
    );
  }

  return (
    <>
      {offered ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" aria-describedby="overwrite-kept-hint" onClick={() => setOpen(true)}>
            {t("overwriteButton", { count })}
          </Button>
          <span id="overwrite-kept-hint" className="text-sm text-slate-600 dark:text-slate-300">
            {t("overwriteHint")}
          </span>
        </div>
      ) : null}
      <Dialog open={open} onClose={close} title={t("overwriteTitle", { count })}>
        {offered ? (
          <>
            <p className="text-sm">{single ? t("overwriteBody", { count, target }) : t("overwriteBodyMany", { count })}</p>
            {list}
            <p className="text-sm">{t("overwriteOthers")}</p>
          </>
        ) : (
          <p className="text-sm">{t("overwriteNothing")}</p>
        )}
        <ConfirmActions
          error={overwrite.isError ? t("overwriteError", { message: errorText(overwrite.error) }) : null}
          keepLabel={t("overwriteKeep")}
          onKeep={close}
          confirmLabel={overwrite.isPending ? t("overwritePending") : t("overwriteConfirm", { count })}
          disabled={overwrite.isPending || !offered}
          onConfirm={() =>
            overwrite.mutate(undefined, {
              onSuccess: () => {
                setOpen(false);
                toast(t("overwriteStarted", { count }), "success");
              },
            })
          }
        />
      </Dialog>
    </>
  );
}
