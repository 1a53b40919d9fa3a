"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { SearchInput } from "@/components/browse/search-input";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RetryAlert } from "@/components/ui/retry-alert";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { useErrorText } from "@/components/ui/use-message";
import { COMPARE_OUTCOMES, type CompareOutcome } from "@/lib/compare/classify";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import type { CompareScope } from "@/lib/compare/scope";
import { OutcomeCounts } from "./counts";
import { RepositoryTable } from "./repository-table";
import { totalsPerTarget, visibleRepositories } from "./results";
import { syncRequestFromComparison, type MultiJobRequest, type SyncChoice } from "./sync-request";
import { TagComparison } from "./tag-comparison";
import { compareKeys, useComparison } from "./use-comparison";
import { type CompareView, REPOSITORY_SORTS, type RepositorySortKey } from "./url-state";

// Loaded when an operator asks for a sync, so the page itself never carries the dialog and its job requests.
const SyncDialog = dynamic(() => import("./sync-dialog").then((m) => m.SyncDialog));

/** Segmented buttons: every tag, or only tags of one outcome in some target. */
function OutcomeFilter({ value, onChange }: { value: CompareOutcome | undefined; onChange: (o: CompareOutcome | undefined) => void }) {
  const t = useTranslations("compare");
  return (
    <div role="group" aria-label={t("outcomeFilter")} className="flex flex-wrap gap-1.5">
      {[undefined, ...COMPARE_OUTCOMES].map((outcome) => (
        <button
          key={outcome ?? "all"}
          type="button"
          aria-pressed={outcome === value}
          className={buttonClass(outcome === value ? "primary" : "secondary", "px-2.5 py-1")}
          onClick={() => onChange(outcome)}
        >
          {outcome ? t(`filter_${outcome}`) : t("filter_all")}
        </button>
      ))}
    </div>
  );
}

/** The answers of a comparison as they come in: progress, totals per target, repositories, the open repository's tags, sync. */
export function ComparisonResults({
  comparison,
  view,
  onView,
  canSync,
}: {
  comparison: CompareScope;
  view: CompareView;
  onView: (patch: Partial<CompareView>, mode?: "push" | "replace") => void;
  canSync: boolean;
}) {
  const t = useTranslations("compare");
  const format = useFormatter();
  const errorText = useErrorText();
  const client = useQueryClient();
  const tagsId = useId();
  const { scope, names, repositories, settled, total } = useComparison(comparison);
  const [syncing, setSyncing] = useState<{ request: MultiJobRequest; title: string } | null>(null);
  const lines = useMemo(() => names.map((name, i) => ({ name, query: repositories[i]! })), [names, repositories]);
  const results = lines.flatMap((l) => (l.query.data ? [l.query.data] : []));
  const source = `${comparison.region}/${comparison.namespace}`;

  if (scope.isPending) {
    return (
      <p role="status" className="text-sm">
        {t("findingRepositories", { source })}
      </p>
    );
  }
  if (scope.isError) {
    return (
      <RetryAlert
        title={t("scopeFailed")}
        message={errorText(scope.error)}
        retryLabel={t("retry")}
        busy={scope.isFetching}
        onRetry={() => void scope.refetch()}
      />
    );
  }
  if (total === 0) {
    return (
      <p role="status" className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
        {t("noRepositories", { source })}
      </p>
    );
  }

  const complete = settled === total;
  const totals = totalsPerTarget(results, comparison.targets.length);
  const visible = visibleRepositories(
    lines.map((l) => ({ name: l.name, result: l.query.data })),
    view,
  ).map((row) => lines.find((l) => l.name === row.name)!);
  const openName = comparison.repository ?? view.open;
  const openResult: RepositoryComparisonDto | undefined = lines.find((l) => l.name === openName)?.query.data;

  const openSync = (picked: readonly RepositoryComparisonDto[], choice: SyncChoice, what: string) => {
    const request = syncRequestFromComparison(comparison, comparison.targets, picked, choice);
    if (request) setSyncing({ request, title: t(choice === "missing" ? "syncMissingTitle" : "syncDifferingTitle", { what }) });
  };
  const wholeRequest = (choice: SyncChoice) => (complete ? syncRequestFromComparison(comparison, comparison.targets, results, choice) : null);
  const allLabel = t("allRepositories", { count: total });

  return (
    <section aria-labelledby={`${tagsId}-results`} className="space-y-4">
      <h2 id={`${tagsId}-results`} className="text-lg font-semibold">
        {t("resultsTitle", { source, count: comparison.targets.length })}
      </h2>
      <div className="space-y-1">
        <ProgressBar
          label={t("progressLabel")}
          percent={(settled / total) * 100}
          valueText={t("progress", { done: settled, total })}
          tone={complete ? "success" : "info"}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p>{t("progress", { done: settled, total })}</p>
          <Button variant="secondary" disabled={!complete} onClick={() => void client.invalidateQueries({ queryKey: compareKeys.all })}>
            {t("compareAgain")}
          </Button>
        </div>
      </div>

      <TableScroller>
        <table className={tableClass}>
          <caption className="sr-only">{t("totalsCaption")}</caption>
          <thead className={theadClass}>
            <tr>
              <Th>{t("colTarget")}</Th>
              <Th>{t("colTotals", { count: total })}</Th>
            </tr>
          </thead>
          <tbody>
            {comparison.targets.map((target, i) => (
              <tr key={`${target.region}/${target.namespace}`} className={rowClass}>
                <th scope="row" className={`${cellClass} font-mono font-normal`}>
                  {target.region}/{target.namespace}
                </th>
                <td className={cellClass}>
                  <OutcomeCounts counts={totals[i]!} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>

      {canSync ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button disabled={!wholeRequest("missing")} aria-label={t("syncMissingOf", { repository: allLabel })} onClick={() => openSync(results, "missing", allLabel)}>
            {t("syncMissing")}
          </Button>
          <Button
            variant="secondary"
            disabled={!wholeRequest("missing_and_differing")}
            aria-label={t("syncDifferingOf", { repository: allLabel })}
            onClick={() => openSync(results, "missing_and_differing", allLabel)}
          >
            {t("syncDiffering")}
          </Button>
          {!complete ? <span className="text-sm text-slate-600 dark:text-slate-300">{t("syncWhenComplete")}</span> : null}
        </div>
      ) : null}

      <div className="flex flex-wrap items-end gap-3">
        <OutcomeFilter value={view.outcome} onChange={(outcome) => onView({ outcome, page: 1 })} />
        {total > 1 ? (
          <>
            <SearchInput label={t("searchRepositories")} placeholder={t("searchRepositoriesPlaceholder")} committed={view.q ?? ""} onCommit={(q) => onView({ q: q || undefined }, "replace")} />
            <SelectField label={t("sort")} value={view.sort} onChange={(e) => onView({ sort: e.target.value as RepositorySortKey })}>
              {REPOSITORY_SORTS.map((key) => (
                <option key={key} value={key}>
                  {t(`sort_${key}`)}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}
      </div>

      {visible.length === 0 ? (
        <p role="status" className="text-sm">
          {t("noRepositoriesMatch")}
        </p>
      ) : (
        <RepositoryTable
          comparison={comparison}
          lines={visible}
          openName={openName}
          tagsId={tagsId}
          onOpen={(open) => onView({ open, page: 1, tq: undefined })}
          sync={
            canSync
              ? {
                  can: (result, choice) => syncRequestFromComparison(comparison, comparison.targets, [result], choice) !== null,
                  open: (result, choice) => openSync([result], choice, `${comparison.namespace}/${result.repository}`),
                }
              : null
          }
        />
      )}
      {canSync && visible.length > 0 ? <p className="text-xs text-slate-600 dark:text-slate-300">{t("syncHint", { count: format.number(comparison.targets.length) })}</p> : null}

      {openResult ? (
        <TagComparison
          id={tagsId}
          comparison={comparison}
          result={openResult}
          view={view}
          onView={onView}
          onClose={comparison.repository ? null : () => onView({ open: undefined, page: 1, tq: undefined })}
        />
      ) : null}

      {syncing ? <SyncDialog request={syncing.request} title={syncing.title} onClose={() => setSyncing(null)} /> : null}
    </section>
  );
}
