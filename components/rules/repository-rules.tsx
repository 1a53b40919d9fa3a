"use client";

import { useTranslations } from "next-intl";
import { QueryError } from "@/components/jobs/query-error";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import type { RepositoryRef } from "@/lib/validation/browse";
import { CreateRule } from "./create-rule";
import { RulesTable } from "./rules-table";
import { useRules } from "./use-rules";

/** A repository's automatic sync rules; admins create and delete them here. */
export function RepositoryRules({
  repositoryRef,
  canManage,
}: {
  repositoryRef: RepositoryRef;
  canManage: boolean;
}) {
  const t = useTranslations("rules");
  const rules = useRules(repositoryRef);
  const name = `${repositoryRef.namespace}/${repositoryRef.repository}`;

  let body;
  if (rules.isPending) body = <TableSkeleton label={t("loading")} />;
  else if (rules.isError) body = <QueryError title={t("loadFailed")} query={rules} />;
  else if (rules.data.rules.length === 0)
    body = <p className="text-sm text-slate-600 dark:text-slate-300">{t("emptyRepository")}</p>;
  else
    body = (
      <RulesTable
        caption={t("captionRepository", { name })}
        rules={rules.data.rules}
        showSource={false}
        canManage={canManage}
      />
    );

  return (
    <section aria-labelledby="rules-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="rules-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {canManage ? <CreateRule source={repositoryRef} /> : null}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      {body}
    </section>
  );
}
