import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/jobs/format";
import { Badge } from "@/components/ui/badge";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { ROLES } from "@/lib/auth/roles";
import type { AuditEventDto } from "@/lib/db/audit-dto";
import { AUDIT_ACTIONS } from "@/lib/db/audit-actions";
import { renderMessage, type Translate } from "@/i18n/message";
import { describeAuditEvent, WEBHOOK_FIELD_NAMES, type LinkKind, type Vocabulary } from "./describe";

const isKnown = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);
const linkClass = "text-blue-700 underline dark:text-blue-300";

/** One row per audit event: when, who, what happened as a sentence (its job or user linked), and the outcome. */
export async function AuditTable({ events }: { events: AuditEventDto[] }) {
  const t = await getTranslations("audit");
  const tRole = await getTranslations("roles");
  const tAll = (await getTranslations()) as unknown as Translate;
  const format = await getFormatter();
  const vocabulary: Vocabulary = {
    role: (role) => (isKnown(ROLES, role) ? tRole(role) : role),
    action: (action) => (isKnown(AUDIT_ACTIONS, action) ? t(`actions.${action}`) : action),
    webhookFields: (fields) =>
      format.list(fields.map((f) => (isKnown(WEBHOOK_FIELD_NAMES, f) ? t(`webhookFields.${f}`) : f))),
    message: (m) => renderMessage(tAll, m),
  };
  const sentenceOf = (event: AuditEventDto) => {
    const { key, values, links } = describeAuditEvent(event, vocabulary);
    const tag = (kind: LinkKind) =>
      function LinkedChunks(chunks: ReactNode) {
        const href = links[kind];
        return href ? (
          <Link href={href} className={linkClass}>
            {chunks}
          </Link>
        ) : (
          chunks
        );
      };
    return t.rich(`sentences.${key}`, { ...values, job: tag("job"), user: tag("user"), webhook: tag("webhook") });
  };
  return (
    <TableScroller>
      <table className={tableClass} aria-label={t("title")}>
        <thead className={theadClass}>
          <tr>
            <Th>{t("colWhen")}</Th>
            <Th>{t("colWho")}</Th>
            <Th>{t("colWhat")}</Th>
            <Th>{t("colOutcome")}</Th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className={rowClass}>
              <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(format, e.at)}</td>
              <td className={cellClass}>{e.actorEmail}</td>
              <td className={cellClass}>{sentenceOf(e)}</td>
              <td className={cellClass}>
                <Badge tone={e.outcome === "success" ? "success" : "danger"}>
                  {e.outcome === "success" ? t("outcomes.success") : t("outcomes.failure")}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
