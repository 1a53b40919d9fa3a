import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { repositoriesHref } from "@/components/browse/links";
import { preferredRegion } from "@/components/browse/preferred-region";
import { RepositoryFilters } from "@/components/browse/repository-filters";
import { RepositorySelection } from "@/components/browse/repository-selection";
import { RepositoryTable } from "@/components/browse/repository-table";
import { parseLeniently, type SearchParamsRecord } from "@/components/browse/url-state";
import { Alert } from "@/components/ui/alert";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { getCurrentUser, roleAllows } from "@/lib/auth/session";
import { repositoriesQuerySchema } from "@/lib/validation/browse";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("repositories");
  return { title: t("title") };
}

export default async function RepositoriesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const t = await getTranslations("repositories");
  if (params.region === undefined) {
    // The region is always in the URL, so the address can be shared; the remembered choice fills it in.
    const region = await preferredRegion();
    redirect(repositoriesHref(parseLeniently(repositoriesQuerySchema, { ...params, region }) ?? { region }));
  }
  const state = parseLeniently(repositoriesQuerySchema, params, ["region"]);
  if (!state) {
    // Said in place rather than with notFound(): Next keeps a not-found page up across search-param-only navigations.
    const region = await preferredRegion();
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Alert>
          {t("unknownRegion", { region: String(params.region) })}{" "}
          <Link href={repositoriesHref({ region })} className="font-medium underline">
            {t("showRegion", { region })}
          </Link>
        </Alert>
      </>
    );
  }
  const user = await getCurrentUser();
  const ts = await getTranslations("repositorySelection");
  const canSync = user !== null && roleAllows(user.role, "operator");
  const table = (
    <Suspense key={JSON.stringify(state)} fallback={<TableSkeleton label={t("loading")} />}>
      <RepositoryTable state={state} selectable={canSync && state.namespace !== undefined} />
    </Suspense>
  );
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <RepositoryFilters state={state} />
      {canSync && state.namespace !== undefined ? (
        // One selection per namespace: it lasts across the list's pages, sorting and search, and starts over elsewhere.
        <RepositorySelection key={`${state.region}/${state.namespace}`} region={state.region} namespace={state.namespace}>
          {table}
        </RepositorySelection>
      ) : (
        <>
          {canSync ? <p className="text-sm text-slate-600 dark:text-slate-300">{ts("chooseNamespace")}</p> : null}
          {table}
        </>
      )}
    </>
  );
}
