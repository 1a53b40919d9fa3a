"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent } from "react";
import { ApiError } from "@/lib/query/api-client";
import { SyncTargetsOrigin, UnsupportedSyncSource } from "@/components/browse/sync-targets";
import { namespaceCheckQuery, useSyncTargets } from "@/components/browse/use-browse-queries";
import { Alert, FormErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { useErrorText, useFieldErrorText } from "@/components/ui/use-message";
import { selectionCount } from "@/components/browse/selection";
import { jobHref } from "@/components/jobs/links";
import { PlanPreview } from "./plan-preview";
import { RepositoryTagsField } from "./repository-tags-field";
import { isMultiSyncRequest, MAX_TAGS_PER_JOB, targetFieldName } from "./sync-request";
import type { SyncScope } from "./sync-scope";
import { TargetRows } from "./target-rows";
import { UNREADABLE_ANSWER, useSubmitSync } from "./use-submit-sync";
import { useSyncForm } from "./use-sync-form";

/**
 * Copy tags to other regions: the tags picked on a repository's page, or every tag (or a pattern's) of several
 * repositories; pick one or more targets, see the plan for each, start the job.
 */
export function SyncPanel({ scope, open, onClose }: { scope: SyncScope; open: boolean; onClose: () => void }) {
  const t = useTranslations("syncPanel");
  const router = useRouter();
  const toast = useToast();
  const client = useQueryClient();
  const form = useSyncForm(scope);
  const { source } = form;
  const regions = useSyncTargets(source.region);
  const submit = useSubmitSync();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();

  const multi = isMultiSyncRequest(form.request);
  const apiError = submit.error instanceof ApiError ? submit.error : null;
  // The server's field messages in the reader's language, by field name of POST /api/jobs.
  const fieldErrors = apiError ? fieldErrorText(apiError) : {};
  // Field names that have their own control here; other field messages go in the alert.
  const ownFields = new Set(form.targets.flatMap((_, i) => [targetFieldName(multi, i, "region"), targetFieldName(multi, i, "namespace")]));
  const otherFieldErrors = Object.entries(fieldErrors)
    .filter(([name]) => !ownFields.has(name))
    .flatMap(([name, messages]) => messages.map((m) => `${name}: ${m}`));
  const submitErrorText = submit.error === null ? null : apiError?.code === UNREADABLE_ANSWER ? t("unreadableAnswer") : errorText(submit.error);
  const edit = <A extends unknown[]>(change: (...args: A) => void) => (...args: A) => {
    submit.reset();
    change(...args);
  };

  const targets = form.targets.map((r) => ({ region: r.region, namespace: r.namespace.trim() }));
  const targetNames = targets.map((r) => `${r.region}/${r.namespace}`).join(", ");
  /** Tags per target: the same tags go to every target. */
  const tagsEach = form.count === null ? null : Math.round(form.count / Math.max(1, targets.length));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    form.setAttempted(true);
    if (!form.ready || submit.isPending) return;
    // The panel never submits to a namespace the target region does not have (the live check may lag typing).
    try {
      const checks = await Promise.all(targets.map((r) => client.fetchQuery(namespaceCheckQuery(r.region, r.namespace))));
      if (checks.some((c) => !c.exists)) return;
    } catch {
      // The server checks again and explains; let it.
    }
    submit.mutate(form.request, {
      onSuccess: (job) => {
        toast(job.reused ? t("toastReused", { target: targetNames }) : t("toastStarted", { count: tagsEach ?? 0, target: targetNames }), "success");
        router.push(jobHref(job.id));
      },
      onError: () => toast(t("toastFailed"), "error"),
    });
  }

  let title: string;
  if (scope.kind === "repositories") title = t("titleRepositories", { count: scope.repositories.length, namespace: source.namespace });
  else {
    const name = `${source.namespace}/${scope.repository.repository}`;
    title =
      scope.selection.kind === "pattern"
        ? t("titlePattern", { pattern: scope.selection.pattern, name })
        : t("title", { count: selectionCount(scope.selection) ?? 0, name });
  }

  let submitLabel: string;
  if (submit.isPending || submit.isSuccess) submitLabel = t("submitting");
  else if (tagsEach === null) submitLabel = t("submitUncounted");
  else if (targets.length > 1) submitLabel = t("submitTargets", { count: tagsEach, targets: targets.length });
  else submitLabel = t("submit", { count: tagsEach });

  if (regions.data?.supported === false) {
    return (
      <Dialog open={open} onClose={onClose} title={title}>
        <UnsupportedSyncSource region={source.region} onClose={onClose} />
      </Dialog>
    );
  }

  return (
    <Dialog open={open} onClose={onClose} title={title} wide>
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {submitErrorText ? <FormErrorAlert message={submitErrorText} details={otherFieldErrors} /> : null}
        {form.tooManyTags ? <Alert>{t("tooManyTags", { count: form.count ?? 0, max: MAX_TAGS_PER_JOB })}</Alert> : null}

        {scope.kind === "repositories" ? (
          <RepositoryTagsField repositories={scope.repositories} value={form.repositoryTags} onChange={edit(form.setRepositoryTags)} />
        ) : null}

        <TargetRows
          targets={form.targets}
          regions={regions.data?.regions ?? []}
          regionsPending={regions.isPending}
          regionsHint={
            regions.isError
              ? t("regionsFailed", { message: errorText(regions.error) })
              : regions.data
                ? <SyncTargetsOrigin source={source.region} origin={regions.data.origin} />
                : undefined
          }
          sourceRegion={source.region}
          attempted={form.attempted}
          errorsOf={(i, field) => fieldErrors[targetFieldName(multi, i, field)] ?? []}
          onAdd={edit(form.addTarget)}
          onRemove={edit(form.removeTarget)}
          onChange={edit(form.updateTarget)}
        />

        <Switch checked={form.override} onChange={edit(form.setOverride)} label={t("override")} description={t("overrideHelp")} />

        <PlanPreview plan={form.plan} targetChosen={form.targetChosen} targets={targets} override={form.override} showRepository={scope.kind === "repositories"} />

        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={submit.isPending || submit.isSuccess || form.tooManyTags}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
