import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { formatBytes } from "@/lib/format";
import type { RepositoryDetailDto } from "@/lib/browse/dto";
import { regionLabel } from "@/lib/swr/regions";
import { formatTimestamp } from "./format";

/**
 * An image address that wraps only after its dots and slashes (`swr.cn-north-4.` `myhuaweicloud.com/` `team-a/`),
 * never inside a word or at a region ID's hyphen.
 */
function BreakableAddress({ address }: { address: string }) {
  const parts = address.split(/(?<=[./])/);
  return parts.map((part, i) => (
    <Fragment key={i}>
      <span className="whitespace-nowrap">{part}</span>
      {i < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}

/** Name, place and size of the repository whose tags are listed below. */
export async function RepositoryHeader({ repository, region }: { repository: RepositoryDetailDto; region: string }) {
  const t = await getTranslations("repositoryPage");
  const format = await getFormatter();
  const locale = await getLocale();
  const facts: [string, ReactNode, boolean?][] = [
    [t("namespace"), repository.namespace, true],
    [t("region"), t("regionValue", { id: region, label: regionLabel(region) })],
    [t("tagCount"), format.number(repository.tagCount)],
    [t("size"), formatBytes(repository.size, locale)],
    [t("updated"), formatTimestamp(format, repository.updatedAt)],
    [
      t("pullPath"),
      repository.path ? (
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <code>
            <BreakableAddress address={repository.path} />
          </code>
          <CopyButton text={repository.path} label={t("copyPullPath")} />
        </span>
      ) : (
        "—"
      ),
      true,
    ],
  ];
  return (
    <section aria-labelledby="repository-title" className="space-y-3">
      <h1 id="repository-title" className="font-mono text-2xl font-semibold break-all">
        {repository.name}
      </h1>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([label, value, mono]) => (
          <div key={label}>
            <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className={mono ? "font-mono break-words" : ""}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
