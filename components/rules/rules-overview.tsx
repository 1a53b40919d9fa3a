"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useTransition } from "react";
import { useNamespaces } from "@/components/browse/use-browse-queries";
import { QueryError } from "@/components/jobs/query-error";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { useErrorText, useRecordedErrorText } from "@/components/ui/use-message";
import type { TargetStatus } from "@/lib/rules/dto";
import { ruleKey } from "@/lib/rules/rule-key";
import { SWR_REGIONS } from "@/lib/swr/regions";
import { rulesHref } from "./links";
import { RulesTable, type RuleStatuses } from "./rules-table";
import { useRules, useRuleStatuses } from "./use-rules";

/** Every rule of a namespace, or of all namespaces of a region, with whether each target is complete now. */
export function RulesOverview({
  region,
  namespace,
  canManage,
}: {
  region: string;
  namespace?: string;
  canManage: boolean;
}) {
  const t = useTranslations("rules");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const scope = { region, namespace };
  const rules = useRules(scope);
  const statuses = useRuleStatuses(scope);
  const namespaces = useNamespaces(region);
  const errorText = useErrorText();
  const recordedText = useRecordedErrorText();
  const go = (next: { region: string; namespace?: string }) =>
    startTransition(() => router.push(rulesHref(next)));

  const byKey = useMemo(
    () => new Map<string, TargetStatus>((statuses.data?.rules ?? []).map((r) => [ruleKey(r), r.status])),
    [statuses.data],
  );
  const statusView: RuleStatuses = {
    byKey,
    pending: statuses.isPending,
    error: statuses.isError ? errorText(statuses.error) : undefined,
  };
  const names = namespaces.data?.map((n) => n.name) ?? [];
  if (namespace && !names.includes(namespace)) names.unshift(namespace);
  const place = namespace ? t("placeNamespace", { namespace, region }) : t("placeRegion", { region });
  // The status answer lists the rules too; it may be newer than the list.
  const listed = statuses.data ?? rules.data;

  let body;
  if (!listed && rules.isPending) body = <TableSkeleton label={t("loading")} />;
  else if (!listed) body = <QueryError title={t("loadFailed")} query={rules} />;
  else if (listed.rules.length === 0)
    body = <p className="text-sm text-slate-600 dark:text-slate-300">{t("emptyPlace", { place })}</p>;
  else
    body = (
      <RulesTable
        caption={t("captionPlace", { place })}
        rules={listed.rules}
        showSource
        statuses={statusView}
        canManage={canManage}
      />
    );

  return (
    <div className="space-y-3">
      <form
        role="search"
        aria-label={t("filters")}
        aria-busy={pending}
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label={t("sourceRegion")}
          value={region}
          onChange={(e) => go({ region: e.target.value })}
        >
          {SWR_REGIONS.map((r) => (
            <option key={r.id} value={r.id}>
              {t("regionOption", { id: r.id, label: r.label })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("namespace")}
          value={namespace ?? ""}
          onChange={(e) => go({ region, namespace: e.target.value || undefined })}
        >
          <option value="">{t("allNamespaces")}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
      </form>
      {namespaces.isError ? (
        <p className="text-xs text-red-700 dark:text-red-300">
          {t("namespacesFailed", { message: errorText(namespaces.error) })}
        </p>
      ) : null}
      {statuses.isPending && listed && listed.rules.length > 0 ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {t("checkingTargets", { count: listed.rules.length })}
        </p>
      ) : null}
      {statusView.error ? <Alert>{t("statusFailed", { message: statusView.error })}</Alert> : null}
      {listed && listed.failures.length > 0 ? (
        <Alert>
          <p>{t("failures", { count: listed.failures.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {listed.failures.map((f) => (
              <li key={`${f.namespace}/${f.repository}`}>
                <span className="font-mono">{`${f.namespace}/${f.repository}`}</span>: {recordedText(f)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {listed?.truncated ? <Alert tone="info">{t("truncated")}</Alert> : null}
      {body}
    </div>
  );
}
