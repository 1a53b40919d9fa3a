"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { SyncTargetsOrigin, UnsupportedSyncSource } from "@/components/browse/sync-targets";
import { NamespaceInput } from "@/components/browse/namespace-input";
import { useSyncTargets } from "@/components/browse/use-browse-queries";
import { jobHref } from "@/components/jobs/links";
import { Alert, FormErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field, selectClass } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { useErrorText, useFieldErrorText, useRecordedErrorText } from "@/components/ui/use-message";
import { ApiError } from "@/lib/query/api-client";
import type { Backfill } from "@/lib/rules/dto";
import { isNamespaceName } from "@/lib/swr/name-rules";
import type { RepositoryRef } from "@/lib/validation/browse";
import { useCreateRule } from "./use-rules";

// Fields of POST /api/rules that have their own control here; other field messages go in the alert.
const OWN_FIELDS = ["targetRegion", "targetNamespace"];

/** What became of the backfill, once the rule exists: a job to follow, nothing to do, or why no job started. */
function BackfillOutcome({
  backfill,
  target,
  onClose,
}: {
  backfill: Backfill;
  target: string;
  onClose: () => void;
}) {
  const t = useTranslations("rules");
  const recordedText = useRecordedErrorText();
  let body;
  if (backfill.status === "started") {
    body = (
      <Alert tone="info">
        <p>
          {backfill.existing
            ? t("backfillRunning", { count: backfill.tags, target })
            : t("backfillStarted", { count: backfill.tags, target })}
        </p>
        <Link href={jobHref(backfill.jobId)} className="font-medium underline">
          {t("viewJob")}
        </Link>
      </Alert>
    );
  } else if (backfill.status === "nothing_missing") {
    body = <Alert tone="info">{t("backfillNothing", { count: backfill.sourceTags, target })}</Alert>;
  } else if (backfill.status === "failed") {
    body = <Alert>{t("backfillFailed", { message: recordedText(backfill.error) })}</Alert>;
  }
  return (
    <div className="space-y-4">
      <p className="text-sm">{t("created", { target })}</p>
      {body}
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
    </div>
  );
}

/** "Create rule" and its dialog: target region, namespace (the source's by default), overwrite, and the backfill. */
export function CreateRule({ source }: { source: RepositoryRef }) {
  const t = useTranslations("rules");
  const id = useId();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [targetRegion, setTargetRegion] = useState("");
  const [namespace, setNamespace] = useState(source.namespace);
  const [override, setOverride] = useState(false);
  const [backfill, setBackfill] = useState(true);
  const [attempted, setAttempted] = useState(false);
  const regions = useSyncTargets(source.region, open);
  const create = useCreateRule();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();

  const trimmed = namespace.trim();
  const apiError = create.error instanceof ApiError ? create.error : null;
  // The server's field messages in the reader's language, by field name of POST /api/rules.
  const fieldErrors = apiError ? fieldErrorText(apiError) : {};
  const serverErrors = (name: string) => fieldErrors[name] ?? [];
  const otherFieldErrors = Object.entries(fieldErrors)
    .filter(([name]) => !OWN_FIELDS.includes(name))
    .flatMap(([name, messages]) => messages.map((m) => `${name}: ${m}`));
  const regionError = [
    attempted && targetRegion === "" ? t("regionRequired") : "",
    ...serverErrors("targetRegion"),
  ]
    .filter(Boolean)
    .join(" ");
  const namespaceRule =
    trimmed === ""
      ? attempted
        ? t("namespaceRequired")
        : ""
      : isNamespaceName(trimmed)
        ? ""
        : t("namespaceRule");
  const namespaceError = [namespaceRule, ...serverErrors("targetNamespace")].filter(Boolean).join(" ");
  const target = `${targetRegion} / ${trimmed}`;
  const name = `${source.namespace}/${source.repository}`;
  const outcome =
    create.data && create.data.backfill.status !== "not_requested" ? create.data.backfill : null;

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      create.reset();
      set(v);
    };
  const close = () => {
    setOpen(false);
    setAttempted(false);
    create.reset();
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAttempted(true);
    if (targetRegion === "" || !isNamespaceName(trimmed) || create.isPending) return;
    create.mutate(
      { ...source, targetRegion, targetNamespace: trimmed, override, backfill },
      {
        onSuccess: (answer) => {
          toast(t("created", { target }), "success");
          if (answer.backfill.status === "not_requested") close();
        },
      },
    );
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("create")}</Button>
      <Dialog open={open} onClose={close} title={t("createTitle", { name })}>
        {outcome ? (
          <BackfillOutcome backfill={outcome} target={target} onClose={close} />
        ) : regions.data?.supported === false ? (
          <UnsupportedSyncSource region={source.region} onClose={close} />
        ) : (
          <form noValidate onSubmit={onSubmit} className="space-y-4">
            <p className="text-sm text-slate-600 dark:text-slate-300">{t("createIntro")}</p>
            {create.isError ? (
              <FormErrorAlert
                message={errorText(create.error)}
                details={otherFieldErrors}
              />
            ) : null}
            <Field
              id={`${id}-region`}
              label={t("targetRegion")}
              error={regionError || undefined}
              hint={
                regions.isError
                  ? t("regionsFailed", { message: errorText(regions.error) })
                  : regions.data
                    ? <SyncTargetsOrigin source={source.region} origin={regions.data.origin} />
                    : undefined
              }
            >
              {(ids) => (
                <select
                  {...ids}
                  className={`${selectClass} w-full`}
                  value={targetRegion}
                  onChange={(e) => edit(setTargetRegion)(e.target.value)}
                >
                  <option value="">{regions.isPending ? t("regionsLoading") : t("chooseRegion")}</option>
                  {(regions.data?.regions ?? []).map((r) => (
                    <option key={r.id} value={r.id}>
                      {t("regionOption", { id: r.id, label: r.label })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`${id}-ns`}
              label={t("targetNamespace")}
              hint={t("targetNamespaceHint", { repository: source.repository })}
              error={namespaceError || undefined}
            >
              {(ids) => <NamespaceInput {...ids} region={targetRegion} value={namespace} onChange={edit(setNamespace)} />}
            </Field>
            <Switch
              checked={override}
              onChange={edit(setOverride)}
              label={t("override")}
              description={t("overrideHelp")}
            />
            <div className="flex items-start gap-3 text-sm">
              <Checkbox
                id={`${id}-backfill`}
                className="mt-0.5"
                checked={backfill}
                aria-describedby={`${id}-backfill-help`}
                onChange={(e) => edit(setBackfill)(e.target.checked)}
              />
              <div>
                <label htmlFor={`${id}-backfill`} className="font-medium">
                  {t("backfill")}
                </label>
                <p id={`${id}-backfill-help`} className="text-slate-600 dark:text-slate-300">
                  {t("backfillHelp")}
                </p>
              </div>
            </div>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending
                  ? backfill
                    ? t("creatingWithBackfill")
                    : t("creating")
                  : t("createSubmit")}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
