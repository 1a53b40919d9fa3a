"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { MAX_PAGE, MAX_TAG_PAGE_SIZE, SORT_ORDERS, TAG_SORTS } from "@/lib/validation/browse-options";
import type { TagsQuery } from "@/lib/validation/browse";
import { intParam, optionParam, searchParam, searchParamsRecord, toSearch, type SearchParamsRecord } from "./url-state";

// Search, sort and paging of the tag table live in the URL; the History API changes them without asking the
// server to render the page again (Next keeps useSearchParams in step).

export type TagListParams = Pick<TagsQuery, "q" | "sort" | "order" | "page" | "pageSize">;
const DEFAULTS = { sort: "updated", order: "desc", page: 1, pageSize: 100 } as const;

/** The tag table's parameters as GET /api/tags reads them; a bad value falls back to its default. */
export function parseTagListParams(params: SearchParamsRecord): TagListParams {
  return {
    q: searchParam(params.q),
    sort: optionParam(params.sort, TAG_SORTS) ?? DEFAULTS.sort,
    order: optionParam(params.order, SORT_ORDERS) ?? DEFAULTS.order,
    page: intParam(params.page, 1, MAX_PAGE) ?? DEFAULTS.page,
    pageSize: intParam(params.pageSize, 1, MAX_TAG_PAGE_SIZE) ?? DEFAULTS.pageSize,
  };
}

export function useTagListParams() {
  const searchParams = useSearchParams();
  const params = useMemo(() => parseTagListParams(searchParamsRecord(new URLSearchParams(searchParams.toString()))), [searchParams]);
  /** `push` adds a history entry (paging, sorting) so Back undoes it; `replace` is for typing. */
  const update = (patch: Partial<TagListParams>, mode: "push" | "replace" = "push") => {
    const next = { ...params, ...patch };
    const url = `${window.location.pathname}${toSearch(next, DEFAULTS)}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  return { params, update };
}
