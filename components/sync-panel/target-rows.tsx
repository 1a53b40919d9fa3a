"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, selectClass } from "@/components/ui/field";
import { MAX_TARGETS_PER_JOB } from "./sync-request";
import { TargetNamespaceField } from "./target-namespace-field";
import type { TargetRow } from "./targets";
import type { TargetState } from "./use-sync-form";

export type TargetField = "region" | "namespace";

/** The targets of a sync, one row each (region and namespace), with "Add target" and per-row "Remove". */
export function TargetRows({
  targets,
  regions,
  regionsPending,
  regionsHint,
  sourceRegion,
  attempted,
  errorsOf,
  onAdd,
  onRemove,
  onChange,
}: {
  targets: readonly TargetState[];
  regions: readonly { id: string; label: string }[];
  regionsPending: boolean;
  /** Where the region list came from, or why it is missing; shown once under the rows. */
  regionsHint: ReactNode;
  sourceRegion: string;
  attempted: boolean;
  /** What the server said about a field of the row at `index`. */
  errorsOf: (index: number, field: TargetField) => string[];
  onAdd: () => void;
  onRemove: (key: number) => void;
  onChange: (key: number, patch: Partial<Omit<TargetRow, "key">>) => void;
}) {
  const t = useTranslations("syncTargets");
  const tp = useTranslations("syncPanel");
  const id = useId();
  const hintId = `${id}-regions-hint`;
  const several = targets.length > 1;
  const full = targets.length >= MAX_TARGETS_PER_JOB;
  // The source never appears as a target: a sync copies between regions.
  const offered = regions.filter((r) => r.id !== sourceRegion);
  return (
    <div className="space-y-3">
      {targets.map((row, i) => {
        const position = i + 1;
        const regionError = [attempted && row.region === "" ? tp("regionRequired") : "", ...errorsOf(i, "region")].filter(Boolean).join(" ");
        return (
          <fieldset key={row.key} className={several ? "space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700" : "space-y-2"}>
            <legend className={several ? "px-1 text-sm font-medium" : "sr-only"}>{t("legend", { position })}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id={`${id}-${row.key}-region`} label={tp("targetRegion")} error={regionError || undefined}>
                {(ids) => (
                  <select
                    {...ids}
                    // Every row's select is described by the one note on where the offered regions came from.
                    aria-describedby={[regionsHint ? hintId : "", ids["aria-describedby"] ?? ""].filter(Boolean).join(" ") || undefined}
                    className={`${selectClass} w-full`}
                    value={row.region}
                    onChange={(e) => onChange(row.key, { region: e.target.value })}
                  >
                    <option value="">{regionsPending ? tp("regionsLoading") : tp("chooseRegion")}</option>
                    {offered.map((r) => (
                      <option key={r.id} value={r.id}>
                        {tp("regionOption", { id: r.id, label: r.label })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <TargetNamespaceField
                region={row.region}
                value={row.namespace}
                onChange={(namespace) => onChange(row.key, { namespace })}
                status={row.namespaceStatus}
                attempted={attempted}
                errors={[row.duplicate ? t("duplicate") : "", ...errorsOf(i, "namespace")].filter(Boolean)}
              />
            </div>
            {several ? (
              <div className="flex justify-end">
                <Button variant="ghost" className="px-2 py-1" aria-label={t("removeLabel", { position })} onClick={() => onRemove(row.key)}>
                  {t("remove")}
                </Button>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      {regionsHint ? (
        <div id={hintId} className="text-xs text-slate-600 dark:text-slate-300">
          {regionsHint}
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <Button variant="secondary" disabled={full} onClick={onAdd}>
          {t("add")}
        </Button>
        {full ? <p className="text-xs text-slate-600 dark:text-slate-300">{t("full", { max: MAX_TARGETS_PER_JOB })}</p> : null}
      </div>
    </div>
  );
}
