import { getFormatter, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/components/jobs/format";
import { Badge } from "@/components/ui/badge";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/db/audit";
import { AUDIT_ACTIONS } from "@/lib/db/audit-actions";

const isKnownAction = (a: string): a is (typeof AUDIT_ACTIONS)[number] => (AUDIT_ACTIONS as readonly string[]).includes(a);

/** One row per audit event; details as compact JSON, already stripped of secrets when written. */
export async function AuditTable({ events }: { events: AuditEventDto[] }) {
  const t = await getTranslations("audit");
  const format = await getFormatter();
  return (
    <TableScroller>
      <table className={tableClass} aria-label={t("title")}>
        <thead className={theadClass}>
          <tr>
            <Th>{t("colWhen")}</Th>
            <Th>{t("colWho")}</Th>
            <Th>{t("colAction")}</Th>
            <Th>{t("colTarget")}</Th>
            <Th>{t("colOutcome")}</Th>
            <Th>{t("colDetail")}</Th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className={rowClass}>
              <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(format, e.at)}</td>
              <td className={cellClass}>{e.actorEmail}</td>
              <td className={cellClass}>{isKnownAction(e.action) ? t(`actions.${e.action}`) : e.action}</td>
              <td className={`${cellClass} font-mono text-xs`}>{e.target ?? "—"}</td>
              <td className={cellClass}>
                <Badge tone={e.outcome === "success" ? "success" : "danger"}>
                  {e.outcome === "success" ? t("outcomes.success") : t("outcomes.failure")}
                </Badge>
              </td>
              <td className={`${cellClass} max-w-md truncate font-mono text-xs`} title={e.detail ? JSON.stringify(e.detail) : undefined}>
                {e.detail ? JSON.stringify(e.detail) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
