"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useTransition } from "react";
import { SelectField } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-message";
import { SWR_REGIONS } from "@/lib/swr/regions";
import { REPOSITORY_PAGE_SIZES } from "@/lib/validation/browse-options";
import { type RepositoryListState, repositoriesHref } from "./links";
import { rememberRegion } from "./region-cookie";
import { SearchInput } from "./search-input";
import { useNamespaces } from "./use-browse-queries";

/** Region, namespace, name search and page size of the repository list; every change is a new URL. */
export function RepositoryFilters({ state }: { state: RepositoryListState }) {
  const t = useTranslations("repositories");
  const errorText = useErrorText();
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const namespaces = useNamespaces(state.region);

  const go = (patch: Partial<RepositoryListState>, mode: "push" | "replace" = "push") => {
    const href = repositoriesHref({ ...state, page: 1, ...patch });
    startTransition(() => (mode === "push" ? router.push(href) : router.replace(href)));
  };

  const names = namespaces.data?.map((n) => n.name) ?? [];
  if (state.namespace && !names.includes(state.namespace)) names.unshift(state.namespace);

  return (
    <div className="space-y-2">
      <form role="search" aria-label={t("filters")} aria-busy={pending} className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t("region")}
          value={state.region}
          onChange={(e) => {
            rememberRegion(e.target.value);
            go({ region: e.target.value, namespace: undefined });
          }}
        >
          {SWR_REGIONS.map((r) => (
            <option key={r.id} value={r.id}>
              {t("regionOption", { id: r.id, label: r.label })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("namespace")} value={state.namespace ?? ""} onChange={(e) => go({ namespace: e.target.value || undefined })}>
          <option value="">{t("allNamespaces")}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <SearchInput
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          committed={state.q ?? ""}
          onCommit={(q) => go({ q: q || undefined }, "replace")}
        />
        <SelectField label={t("pageSize")} value={state.pageSize} onChange={(e) => go({ pageSize: Number(e.target.value) })}>
          {REPOSITORY_PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {format.number(size)}
            </option>
          ))}
        </SelectField>
      </form>
      {namespaces.isError ? (
        <p className="text-xs text-red-700 dark:text-red-300">{t("namespacesFailed", { message: errorText(namespaces.error) })}</p>
      ) : null}
    </div>
  );
}
