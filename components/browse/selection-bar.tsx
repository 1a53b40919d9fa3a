"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { RepositoryRef } from "@/lib/validation/browse";
import { errorMessage } from "@/lib/query/api-client";
import { fetchAllTagNames } from "./use-browse-queries";

/** How many tags are selected, select-all-matching, clear, and the way into the sync panel. */
export function SelectionBar({
  repositoryRef,
  q,
  total,
  selectedCount,
  onSelect,
  onClear,
  onSync,
}: {
  repositoryRef: RepositoryRef;
  q: string | undefined;
  total: number;
  selectedCount: number;
  onSelect: (tags: readonly string[]) => void;
  onClear: () => void;
  onSync: () => void;
}) {
  const t = useTranslations("tags");
  const client = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function selectAllMatching() {
    setBusy(true);
    try {
      const { tags, truncated } = await fetchAllTagNames(client, repositoryRef, q);
      onSelect(tags);
      if (truncated) toast(t("selectAllTruncated", { count: tags.length }), "info");
    } catch (error) {
      toast(t("selectAllFailed", { message: errorMessage(error) }), "error");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
      <p role="status" className="text-sm font-medium">
        {t("selectedCount", { count: selectedCount })}
      </p>
      <Button variant="secondary" disabled={busy || total === 0} onClick={() => void selectAllMatching()}>
        {busy ? t("selecting") : q ? t("selectAllMatchingQuery", { count: total, q }) : t("selectAllMatching", { count: total })}
      </Button>
      <Button variant="ghost" disabled={selectedCount === 0} onClick={onClear}>
        {t("clearSelection")}
      </Button>
      <Button className="ml-auto" disabled={selectedCount === 0} onClick={onSync}>
        {t("syncButton", { count: selectedCount })}
      </Button>
    </div>
  );
}
