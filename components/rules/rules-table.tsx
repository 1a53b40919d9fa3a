"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { repositoryHref } from "@/components/browse/links";
import { formatDateTime } from "@/components/jobs/format";
import { Badge } from "@/components/ui/badge";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { useRecordedErrorText } from "@/components/ui/use-message";
import type { RuleDto, TargetStatus } from "@/lib/rules/dto";
import { ruleKey } from "@/lib/rules/rule-key";
import { regionLabel } from "@/lib/swr/regions";
import { DeleteRule } from "./delete-rule";

/** The targets' status by rule key; `pending` while it is worked out, `error` when it could not be. */
export interface RuleStatuses {
  byKey: ReadonlyMap<string, TargetStatus>;
  pending: boolean;
  error?: string;
}

function TargetStatusCell({
  status,
  statuses,
}: {
  status: TargetStatus | undefined;
  statuses: RuleStatuses;
}) {
  const t = useTranslations("rules");
  const recordedText = useRecordedErrorText();
  if (!status) {
    if (statuses.pending)
      return <span className="text-slate-600 dark:text-slate-300">{t("statusChecking")}</span>;
    return <span>{t("statusUnavailable")}</span>;
  }
  if (status.state === "unknown") {
    return (
      <span className="space-y-1">
        <Badge tone="neutral">{t("statusUnknown")}</Badge> <span className="text-xs">{recordedText(status)}</span>
      </span>
    );
  }
  const extra = [
    status.differs > 0 ? t("statusDiffers", { count: status.differs }) : null,
    status.truncated ? t("statusTruncated", { count: status.sourceTags }) : null,
  ].filter(Boolean);
  return (
    <span>
      {status.state === "complete" ? (
        <Badge tone="success">{t("statusComplete")}</Badge>
      ) : (
        <Badge tone="warning">{t("statusMissing", { count: status.missing })}</Badge>
      )}
      {extra.length ? (
        <span className="ml-2 text-xs text-slate-600 dark:text-slate-300">{extra.join(" · ")}</span>
      ) : null}
    </span>
  );
}

/** Rules as a table: by target on a repository's page, with their source repository and status on the rules page. */
export function RulesTable({
  caption,
  rules,
  showSource,
  statuses,
  canManage,
}: {
  caption: string;
  rules: readonly RuleDto[];
  showSource: boolean;
  /** Leave out to show no status column. */
  statuses?: RuleStatuses;
  canManage: boolean;
}) {
  const t = useTranslations("rules");
  const format = useFormatter();
  return (
    <TableScroller>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            {showSource ? <Th>{t("colRepository")}</Th> : null}
            <Th>{t("colTargetRegion")}</Th>
            <Th>{t("colTargetNamespace")}</Th>
            <Th>{t("colOverride")}</Th>
            <Th>{t("colCreated")}</Th>
            {statuses ? <Th>{t("colStatus")}</Th> : null}
            {canManage ? <Th>{t("colActions")}</Th> : null}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => {
            const key = ruleKey(rule);
            const target = (
              <>
                <span className="font-mono">{rule.targetRegion}</span>{" "}
                <span className="text-xs text-slate-600 dark:text-slate-300">
                  {regionLabel(rule.targetRegion)}
                </span>
              </>
            );
            return (
              <tr key={key} className={rowClass}>
                {showSource ? (
                  <th scope="row" className={`${cellClass} font-normal`}>
                    <Link
                      href={repositoryHref(rule)}
                      className="font-mono text-blue-700 hover:underline dark:text-blue-300"
                    >{`${rule.namespace}/${rule.repository}`}</Link>
                  </th>
                ) : null}
                {showSource ? (
                  <td className={cellClass}>{target}</td>
                ) : (
                  <th scope="row" className={`${cellClass} font-normal`}>
                    {target}
                  </th>
                )}
                <td className={`${cellClass} font-mono`}>{rule.targetNamespace}</td>
                <td className={cellClass}>{rule.override ? t("overrideYes") : t("overrideNo")}</td>
                <td className={cellClass}>{formatDateTime(format, rule.createdAt)}</td>
                {statuses ? (
                  <td className={cellClass}>
                    <TargetStatusCell status={statuses.byKey.get(key)} statuses={statuses} />
                  </td>
                ) : null}
                {canManage ? (
                  <td className={cellClass}>
                    <DeleteRule rule={rule} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}
