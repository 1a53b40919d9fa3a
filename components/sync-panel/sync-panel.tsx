"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, type FormEvent } from "react";
import { ApiError, errorMessage } from "@/lib/query/api-client";
import { SyncTargetsOrigin, UnsupportedSyncSource } from "@/components/browse/sync-targets";
import { namespaceCheckQuery, useSyncTargets } from "@/components/browse/use-browse-queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, selectClass } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import type { RepositoryRef } from "@/lib/validation/browse";
import { selectionCount, type SyncSelection } from "@/components/browse/selection";
import { jobHref } from "@/components/jobs/links";
import { ExistingTagsNotice } from "./existing-tags-notice";
import { PlanPreview } from "./plan-preview";
import { MAX_TAGS_PER_JOB } from "./sync-request";
import { TargetNamespaceField } from "./target-namespace-field";
import { UNREADABLE_ANSWER, useSubmitSync } from "./use-submit-sync";
import { useSyncForm } from "./use-sync-form";

// Field names of POST /api/jobs that have their own control here; other field messages go in the alert.
const OWN_FIELDS = ["targetRegion", "targetNamespace"];

/** Copy the selected tags to another region: pick the target, see which tags the sync copies and what it replaces, start the job. */
export function SyncPanel({
  source,
  selection,
  open,
  onClose,
}: {
  source: RepositoryRef;
  selection: SyncSelection;
  open: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("syncPanel");
  const id = useId();
  const router = useRouter();
  const toast = useToast();
  const client = useQueryClient();
  const form = useSyncForm(source, selection);
  const regions = useSyncTargets(source.region);
  const submit = useSubmitSync();

  const apiError = submit.error instanceof ApiError ? submit.error : null;
  const fieldErrors = (name: string) => apiError?.fields[name] ?? [];
  const otherFieldErrors = Object.entries(apiError?.fields ?? {})
    .filter(([name]) => !OWN_FIELDS.includes(name))
    .flatMap(([name, messages]) => messages.map((m) => `${name}: ${m}`));
  const submitErrorText =
    submit.error === null
      ? null
      : apiError?.code === UNREADABLE_ANSWER
        ? t("unreadableAnswer")
        : apiError
          ? apiError.message
          : t("networkFailed", { message: errorMessage(submit.error) });
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    submit.reset();
    set(v);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    form.setAttempted(true);
    if (!form.ready || submit.isPending) return;
    // The panel never submits to a namespace the target region does not have (the live check may lag typing).
    try {
      const check = await client.fetchQuery(namespaceCheckQuery(form.targetRegion, form.request.targetNamespace));
      if (!check.exists) return;
    } catch {
      // The server checks again and explains; let it.
    }
    const target = `${form.targetRegion} / ${form.request.targetNamespace}`;
    submit.mutate(form.request, {
      onSuccess: (job) => {
        toast(job.reused ? t("toastReused", { target }) : t("toastStarted", { count: form.count ?? 0, target }), "success");
        router.push(jobHref(job.id));
      },
      onError: () => toast(t("toastFailed"), "error"),
    });
  }

  const regionError = [form.attempted && form.targetRegion === "" ? t("regionRequired") : "", ...fieldErrors("targetRegion")]
    .filter(Boolean)
    .join(" ");
  const target = `${form.targetRegion}/${form.request.targetNamespace}`;
  const name = `${source.namespace}/${source.repository}`;
  const title =
    selection.kind === "pattern"
      ? t("titlePattern", { pattern: selection.pattern, name })
      : t("title", { count: selectionCount(selection) ?? 0, name });

  if (regions.data?.supported === false) {
    return (
      <Dialog open={open} onClose={onClose} title={title}>
        <UnsupportedSyncSource region={source.region} onClose={onClose} />
      </Dialog>
    );
  }

  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {submitErrorText ? (
          <Alert>
            <p>{submitErrorText}</p>
            {otherFieldErrors.length ? (
              <ul className="mt-1 list-disc pl-5">
                {otherFieldErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {form.tooManyTags ? <Alert>{t("tooManyTags", { count: form.count ?? 0, max: MAX_TAGS_PER_JOB })}</Alert> : null}

        <Field
          id={`${id}-region`}
          label={t("targetRegion")}
          error={regionError || undefined}
          hint={
            regions.isError
              ? t("regionsFailed", { message: errorMessage(regions.error) })
              : regions.data
                ? <SyncTargetsOrigin source={source.region} origin={regions.data.origin} />
                : undefined
          }
        >
          {(ids) => (
            <select {...ids} className={`${selectClass} w-full`} value={form.targetRegion} onChange={(e) => edit(form.setTargetRegion)(e.target.value)}>
              <option value="">{regions.isPending ? t("regionsLoading") : t("chooseRegion")}</option>
              {(regions.data?.regions ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {t("regionOption", { id: r.id, label: r.label })}
                </option>
              ))}
            </select>
          )}
        </Field>

        <TargetNamespaceField
          region={form.targetRegion}
          value={form.namespace}
          onChange={edit(form.setNamespace)}
          status={form.namespaceStatus}
          attempted={form.attempted}
          serverErrors={fieldErrors("targetNamespace")}
        />

        <Switch checked={form.override} onChange={edit(form.setOverride)} label={t("override")} description={t("overrideHelp")} />
        {form.target ? (
          <ExistingTagsNotice existing={form.existing} skipped={form.existingCheckSkipped} target={target} override={form.override} />
        ) : null}

        <PlanPreview plan={form.plan} targetChosen={form.targetChosen} />

        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={submit.isPending || submit.isSuccess || form.tooManyTags}>
            {submit.isPending || submit.isSuccess
              ? t("submitting")
              : form.count === null
                ? t("submitUncounted")
                : t("submit", { count: form.count })}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
