"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { RetryAlert } from "@/components/ui/retry-alert";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { useErrorText } from "@/components/ui/use-message";
import type { RepositoryRef } from "@/lib/validation/browse";
import { needsGlob, selectionMatcher, useGlobCompiler } from "./selection-matcher";
import { SelectionBar } from "./selection-bar";
import { TagTable } from "./tag-table";
import { TagToolbar } from "./tag-toolbar";
import { useTagPage } from "./use-browse-queries";
import { useTagListParams } from "./use-tag-list-params";
import { useTagSelection } from "./use-tag-selection";

// Loaded only when an operator opens it, so viewers never download the panel.
const SyncPanel = dynamic(() => import("@/components/sync-panel/sync-panel").then((m) => m.SyncPanel));

/** A repository's tags: server-paged, searchable, sortable; operators select tags and open the sync panel. */
export function TagBrowser({ repositoryRef, pullPath, canSync }: { repositoryRef: RepositoryRef; pullPath: string; canSync: boolean }) {
  const t = useTranslations("tags");
  const errorText = useErrorText();
  const { params, update } = useTagListParams();
  const page = useTagPage({ ...repositoryRef, ...params });
  const selection = useTagSelection();
  const compile = useGlobCompiler(needsGlob(selection.selection));
  const [syncOpen, setSyncOpen] = useState(false);
  const name = `${repositoryRef.namespace}/${repositoryRef.repository}`;
  const total = page.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / params.pageSize));
  // The rows the selection covers on this page: a rule is applied to them, a list is looked up.
  const selectedOnPage = useMemo(() => {
    if (selection.selection.kind === "tags") return selection.selection.tags;
    const matches = selectionMatcher(selection.selection, compile);
    return new Set((page.data?.items ?? []).map((tag) => tag.tag).filter(matches));
  }, [selection.selection, page.data, compile]);

  let body;
  if (page.isPending) {
    body = <TableSkeleton label={t("loading")} />;
  } else if (page.isError) {
    body = (
      <RetryAlert
        title={t("loadFailed")}
        message={errorText(page.error)}
        retryLabel={t("retry")}
        busy={page.isFetching}
        onRetry={() => void page.refetch()}
      />
    );
  } else if (page.data.items.length === 0) {
    body =
      total > 0 ? (
        <p className="text-sm">
          {t("pastTheEnd")}{" "}
          <Button variant="secondary" onClick={() => update({ page: 1 })}>
            {t("firstPage")}
          </Button>
        </p>
      ) : (
        <p role="status" className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
          {params.q ? t("emptyMatching", { q: params.q }) : t("empty")}
        </p>
      );
  } else {
    body = (
      <>
        <TagTable
          caption={t("caption", { name })}
          tags={page.data.items}
          pullPath={pullPath}
          selectable={canSync}
          locked={selection.byRule}
          selected={selectedOnPage}
          onClick={selection.click}
          onSetMany={selection.setMany}
          busy={page.isFetching}
        />
        <Pagination
          page={params.page}
          pageCount={pageCount}
          onChange={(p) => update({ page: p })}
          disabled={page.isFetching}
          labels={{
            nav: t("pagination"),
            previous: t("previous"),
            next: t("next"),
            status: t("pageStatus", { page: params.page, pages: pageCount, total }),
          }}
        />
      </>
    );
  }

  return (
    <section aria-labelledby="tags-title" className="space-y-3">
      <h2 id="tags-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <TagToolbar params={params} onChange={update} />
      {canSync ? (
        <SelectionBar
          q={params.q}
          total={total}
          selection={selection.selection}
          onSelectRule={selection.selectByRule}
          onClear={selection.clear}
          onSync={() => setSyncOpen(true)}
        />
      ) : null}
      {body}
      {canSync && syncOpen ? (
        <SyncPanel scope={{ kind: "tags", repository: repositoryRef, selection: selection.selection }} open={syncOpen} onClose={() => setSyncOpen(false)} />
      ) : null}
    </section>
  );
}
