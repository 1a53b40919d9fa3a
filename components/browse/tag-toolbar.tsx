"use client";

import { useFormatter, useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { TAG_PAGE_SIZES } from "@/lib/validation/browse-options";
import { SearchInput } from "./search-input";
import type { TagListParams } from "./use-tag-list-params";

// One select for column and direction: the four orders people ask for.
const SORT_CHOICES = [
  { value: "updated-desc", sort: "updated", order: "desc", label: "sortNewest" },
  { value: "updated-asc", sort: "updated", order: "asc", label: "sortOldest" },
  { value: "name-asc", sort: "name", order: "asc", label: "sortNameAsc" },
  { value: "name-desc", sort: "name", order: "desc", label: "sortNameDesc" },
] as const;

/** Search, sort and page size of the tag table. */
export function TagToolbar({
  params,
  onChange,
}: {
  params: TagListParams;
  onChange: (patch: Partial<TagListParams>, mode?: "push" | "replace") => void;
}) {
  const t = useTranslations("tags");
  const format = useFormatter();
  return (
    <form role="search" aria-label={t("filters")} className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <SearchInput
        label={t("search")}
        placeholder={t("searchPlaceholder")}
        committed={params.q ?? ""}
        onCommit={(q) => onChange({ q: q || undefined, page: 1 }, "replace")}
      />
      <SelectField
        label={t("sort")}
        value={`${params.sort}-${params.order}`}
        onChange={(e) => {
          const choice = SORT_CHOICES.find((c) => c.value === e.target.value);
          if (choice) onChange({ sort: choice.sort, order: choice.order, page: 1 });
        }}
      >
        {SORT_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {t(c.label)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("pageSize")} value={params.pageSize} onChange={(e) => onChange({ pageSize: Number(e.target.value), page: 1 })}>
        {TAG_PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {format.number(size)}
          </option>
        ))}
      </SelectField>
    </form>
  );
}
