"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { useNamespaces, useSyncTargets } from "@/components/browse/use-browse-queries";
import { Button } from "@/components/ui/button";
import { Field, inputClass, selectClass } from "@/components/ui/field";
import { compareScopeQuerySchema, type CompareScopeQuery, MAX_COMPARE_TARGETS } from "@/lib/compare/schemas";
import { useMessageText } from "@/components/ui/use-message";
import { SWR_REGIONS } from "@/lib/swr/regions";
import { type FieldMessages, zodFieldMessages } from "@/lib/validation/issue-messages";
import type { CompareDraft } from "./url-state";

interface TargetRow {
  key: number;
  region: string;
  namespace: string;
}

let nextKey = 0;
const rowOf = (spec: string): TargetRow => {
  const [region = "", namespace = ""] = spec.split("/");
  return { key: nextKey++, region, namespace };
};

/** Messages of one parameter and of the parts below it (`target.1.region` belongs to `target.1`). */
const messagesOf = (problems: FieldMessages, key: string) =>
  Object.entries(problems)
    .filter(([k]) => k === key || k.startsWith(`${key}.`))
    .flatMap(([, m]) => m);

/** What to compare: a source region, namespace and optionally one repository, and 1–10 targets. */
export function CompareForm({
  draft,
  problems,
  onCompare,
}: {
  draft: CompareDraft;
  problems: FieldMessages;
  onCompare: (comparison: CompareScopeQuery) => void;
}) {
  const t = useTranslations("compare");
  const id = useId();
  const [region, setRegion] = useState(draft.region || "cn-north-4");
  const [namespace, setNamespace] = useState(draft.namespace);
  const [repository, setRepository] = useState(draft.repository);
  const [targets, setTargets] = useState<TargetRow[]>(() => (draft.targets.length > 0 ? draft.targets.map(rowOf) : [rowOf("")]));
  const text = useMessageText();
  const [errors, setErrors] = useState<FieldMessages>(problems);
  const namespaces = useNamespaces(region);
  const syncTargets = useSyncTargets(region);

  const namespaceNames = namespaces.data?.map((n) => n.name) ?? [];
  // The regions SWR syncs to from the source, so a comparison can end in a job; from a region SWR does not sync
  // from, any other region, for a look only.
  const regionOptions =
    syncTargets.data?.supported === false ? SWR_REGIONS.filter((r) => r.id !== region) : (syncTargets.data?.regions ?? []);
  const setTarget = (key: number, patch: Partial<TargetRow>) => setTargets((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = compareScopeQuerySchema.safeParse({
      region,
      namespace: namespace.trim(),
      repository: repository.trim(),
      target: targets.map((r) => (r.namespace.trim() ? `${r.region}/${r.namespace.trim()}` : r.region)),
    });
    if (!parsed.success) {
      setErrors(zodFieldMessages(parsed.error));
      return;
    }
    setErrors({});
    onCompare(parsed.data);
  }

  const errorText = (key: string) => messagesOf(errors, key).map((m) => text(m)).join(" ") || undefined;
  const ownKeys = ["region", "namespace", "repository", "target"];
  const targetListError = errors.target?.map((m) => text(m)).join(" ");

  return (
    <form aria-label={t("formLabel")} className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700" onSubmit={onSubmit} noValidate>
      <fieldset className="flex flex-wrap items-start gap-3">
        <legend className="mb-2 text-sm font-semibold">{t("source")}</legend>
        <Field id={`${id}-region`} label={t("sourceRegion")} error={errorText("region")}>
          {(ids) => (
            <select {...ids} className={selectClass} value={region} onChange={(e) => setRegion(e.target.value)}>
              {SWR_REGIONS.map((r) => (
                <option key={r.id} value={r.id}>
                  {t("regionOption", { id: r.id, label: r.label })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-namespace`} label={t("sourceNamespace")} error={errorText("namespace")}>
          {(ids) => (
            <>
              <input
                {...ids}
                list={`${id}-namespaces`}
                className={inputClass}
                autoComplete="off"
                spellCheck={false}
                value={namespace}
                onChange={(e) => setNamespace(e.target.value)}
              />
              <datalist id={`${id}-namespaces`}>
                {namespaceNames.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id={`${id}-repository`} label={t("repository")} hint={t("repositoryHint")} error={errorText("repository")} className="min-w-56">
          {(ids) => (
            <input {...ids} className={inputClass} autoComplete="off" spellCheck={false} value={repository} onChange={(e) => setRepository(e.target.value)} />
          )}
        </Field>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-semibold">{t("targets", { max: MAX_COMPARE_TARGETS })}</legend>
        {targets.map((row, i) => (
          <div key={row.key} role="group" aria-label={t("targetN", { n: i + 1 })} className="flex flex-wrap items-end gap-3">
            <Field id={`${id}-t${row.key}-region`} label={t("targetRegion", { n: i + 1 })} error={errorText(`target.${i}`)}>
              {(ids) => (
                <select {...ids} className={selectClass} value={row.region} onChange={(e) => setTarget(row.key, { region: e.target.value })}>
                  <option value="">{t("chooseRegion")}</option>
                  {[...(row.region && !regionOptions.some((r) => r.id === row.region) ? [{ id: row.region, label: "" }] : []), ...regionOptions].map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label ? t("regionOption", { id: r.id, label: r.label }) : r.id}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-t${row.key}-namespace`} label={t("targetNamespace", { n: i + 1 })}>
              {(ids) => (
                <input
                  {...ids}
                  className={inputClass}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={namespace || t("sameNamespace")}
                  value={row.namespace}
                  onChange={(e) => setTarget(row.key, { namespace: e.target.value })}
                />
              )}
            </Field>
            {targets.length > 1 ? (
              <Button variant="ghost" aria-label={t("removeTarget", { n: i + 1 })} onClick={() => setTargets((rows) => rows.filter((r) => r.key !== row.key))}>
                {t("remove")}
              </Button>
            ) : null}
          </div>
        ))}
        {targetListError ? <p className="text-xs text-red-700 dark:text-red-300">{targetListError}</p> : null}
        {targets.length < MAX_COMPARE_TARGETS ? (
          <Button variant="secondary" onClick={() => setTargets((rows) => [...rows, rowOf("")])}>
            {t("addTarget")}
          </Button>
        ) : null}
      </fieldset>

      {Object.keys(errors).some((k) => !ownKeys.includes(k.split(".")[0] ?? "")) ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {Object.values(errors).flat().map((m) => text(m)).join(" ")}
        </p>
      ) : null}
      <Button type="submit">{t("compare")}</Button>
    </form>
  );
}
