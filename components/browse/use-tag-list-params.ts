"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { tagsQuerySchema } from "@/lib/validation/browse";
import { parseLeniently, searchParamsRecord, toSearch } from "./url-state";

// Search, sort and paging of the tag table live in the URL; the History API changes them without asking the
// server to render the page again (Next keeps useSearchParams in step).

export const tagListParamsSchema = tagsQuerySchema.pick({ q: true, sort: true, order: true, page: true, pageSize: true });
export type TagListParams = ReturnType<typeof tagListParamsSchema.parse>;
const DEFAULTS = { sort: "updated", order: "desc", page: 1, pageSize: 100 } as const;

export function useTagListParams() {
  const searchParams = useSearchParams();
  const params = useMemo(
    () => parseLeniently(tagListParamsSchema, searchParamsRecord(new URLSearchParams(searchParams.toString()))) ?? tagListParamsSchema.parse({}),
    [searchParams],
  );
  /** `push` adds a history entry (paging, sorting) so Back undoes it; `replace` is for typing. */
  const update = (patch: Partial<TagListParams>, mode: "push" | "replace" = "push") => {
    const next = { ...params, ...patch };
    const url = `${window.location.pathname}${toSearch(next, DEFAULTS)}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  return { params, update };
}
