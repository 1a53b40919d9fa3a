"use client";

import { useTranslations } from "next-intl";
import { errorMessage } from "@/lib/query/api-client";
import { MAX_EXISTING_CHECK, type useExistingTags } from "./use-existing-tags";
import type { ExistingCheckSkipped } from "./use-sync-form";

const PREVIEW = 5;

/** Which selected tags the target already has, and what the sync will do with them. */
export function ExistingTagsNotice({
  existing,
  skipped,
  target,
  override,
}: {
  existing: ReturnType<typeof useExistingTags>;
  skipped: ExistingCheckSkipped;
  target: string;
  override: boolean;
}) {
  const t = useTranslations("syncPanel");
  let text: string;
  let warn = false;
  if (skipped === "rule") text = override ? t("existingSkippedRuleReplaced", { target }) : t("existingSkippedRuleKept", { target });
  else if (skipped === "many") text = t("existingSkippedMany", { max: MAX_EXISTING_CHECK, target });
  else if (existing.isPending) text = t("existingChecking", { target });
  else if (existing.isError) text = t("existingFailed", { message: errorMessage(existing.error) });
  else if (existing.data.length === 0) text = t("existingNone", { target });
  else {
    const names = existing.data.map((e) => e.tag);
    const tags = names.slice(0, PREVIEW).join(", ") + (names.length > PREVIEW ? ", …" : "");
    warn = override;
    text = override
      ? t("existingReplaced", { count: names.length, target, tags })
      : t("existingKept", { count: names.length, target, tags });
  }
  return (
    <p
      role="status"
      className={`rounded-md border px-3 py-2 text-sm ${
        warn
          ? "border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          : "border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-200"
      }`}
    >
      {text}
    </p>
  );
}
