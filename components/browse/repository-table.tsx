import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getMessageText } from "@/i18n/server-message";
import { Pagination } from "@/components/ui/pagination";
import { cellClass, numericCellClass, rowClass, type SortDirection, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { listRepositories } from "@/lib/browse/repositories";
import { formatBytes } from "@/lib/format";
import { swrErrorMsg } from "@/lib/swr/errors";
import type { RepositorySort } from "@/lib/validation/browse";
import { formatTimestamp } from "./format";
import { type RepositoryListState, repositoriesHref, repositoryHref } from "./links";
import { RefreshAlert } from "./refresh-alert";
import { RepositoryCheckbox, SelectAllRepositories } from "./repository-selection";

/**
 * One page of repositories, read from SWR on the server; sorting and paging are links, so the URL says it all. With
 * `selectable` (an operator looking at one namespace), a box per row selects repositories for one sync.
 */
export async function RepositoryTable({ state, selectable = false }: { state: RepositoryListState; selectable?: boolean }) {
  const t = await getTranslations("repositories");
  const format = await getFormatter();
  const locale = await getLocale();
  let page;
  try {
    page = await listRepositories(state);
  } catch (error) {
    const text = await getMessageText();
    return <RefreshAlert title={t("loadFailed", { region: state.region })} message={text(swrErrorMsg(error))} retryLabel={t("retry")} />;
  }
  const pageCount = Math.max(1, Math.ceil(page.total / state.pageSize));
  if (page.items.length === 0) {
    return page.total > 0 ? (
      <p className="text-sm">
        {t("pastTheEnd")}{" "}
        <Link className="text-blue-700 underline dark:text-blue-300" href={repositoriesHref({ ...state, page: 1 })}>
          {t("firstPage")}
        </Link>
      </p>
    ) : (
      <p role="status" className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
        {state.q
          ? t("emptyMatching", { q: state.q, scope: state.namespace ?? t("allNamespaces"), region: state.region })
          : t("empty", { scope: state.namespace ?? t("allNamespaces"), region: state.region })}
      </p>
    );
  }

  const sortLink = (sort: RepositorySort, label: string) => {
    const active = state.sort === sort;
    const order = active && state.order === "desc" ? "asc" : "desc";
    return (
      <Link href={repositoriesHref({ ...state, sort, order, page: 1 })} className="hover:underline">
        {label}
        {active ? <span aria-hidden="true">{state.order === "desc" ? " ↓" : " ↑"}</span> : null}
      </Link>
    );
  };
  const direction = (sort: RepositorySort): SortDirection =>
    state.sort === sort ? (state.order === "asc" ? "ascending" : "descending") : "none";

  return (
    <div className="space-y-3">
      <TableScroller>
        <table className={tableClass}>
          <caption className="sr-only">{t("caption", { region: state.region })}</caption>
          <thead className={theadClass}>
            <tr>
              {selectable ? (
                <th scope="col" className={`${cellClass} w-8`}>
                  <SelectAllRepositories />
                </th>
              ) : null}
              <Th sort={direction("name")}>{sortLink("name", t("colRepository"))}</Th>
              <Th>{t("colNamespace")}</Th>
              <Th numeric sort={direction("tags")}>
                {sortLink("tags", t("colTags"))}
              </Th>
              <Th numeric>{t("colSize")}</Th>
              <Th sort={direction("updated")}>{sortLink("updated", t("colUpdated"))}</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((repo) => (
              <tr key={`${repo.namespace}/${repo.name}`} className={rowClass}>
                {selectable ? (
                  <td className={`${cellClass} w-8`}>
                    <RepositoryCheckbox name={repo.name} tagCount={repo.tagCount} />
                  </td>
                ) : null}
                <th scope="row" className={`${cellClass} font-mono font-normal`}>
                  <Link
                    href={repositoryHref({ region: state.region, namespace: repo.namespace, repository: repo.name })}
                    className="text-blue-700 hover:underline dark:text-blue-300"
                  >
                    {repo.name}
                  </Link>
                </th>
                <td className={`${cellClass} font-mono`}>{repo.namespace}</td>
                <td className={numericCellClass}>{format.number(repo.tagCount)}</td>
                <td className={numericCellClass}>{formatBytes(repo.size, locale)}</td>
                <td className={cellClass}>{formatTimestamp(format, repo.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      <Pagination
        page={state.page}
        pageCount={pageCount}
        hrefFor={(p) => repositoriesHref({ ...state, page: p })}
        labels={{
          nav: t("pagination"),
          previous: t("previous"),
          next: t("next"),
          status: t("pageStatus", { page: state.page, pages: pageCount, total: page.total }),
        }}
      />
    </div>
  );
}
