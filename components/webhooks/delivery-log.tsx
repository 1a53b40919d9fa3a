"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/jobs/format";
import { QueryError } from "@/components/jobs/query-error";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cellClass, numericCellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { useMessageText } from "@/components/ui/use-message";
import type { DeliveryDto, WebhookDto } from "@/lib/webhooks/dto";
import type { DeliveryStatus } from "@/lib/webhooks/events";
import { useDeliveries } from "./use-webhooks";

const TONE: Record<DeliveryStatus, BadgeTone> = { queued: "neutral", delivering: "info", succeeded: "success", failed: "danger" };

function Attempts({ delivery }: { delivery: DeliveryDto }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const text = useMessageText();
  if (delivery.attemptLog.length === 0) return <>{t("noAttempts")}</>;
  return (
    <details>
      <summary className="cursor-pointer">{t("attemptCount", { count: delivery.attempts })}</summary>
      <ol className="mt-1 space-y-0.5 text-xs">
        {delivery.attemptLog.map((a) => (
          <li key={a.number}>
            {t("attemptLine", {
              number: a.number,
              time: formatDateTime(format, a.at),
              status: a.statusCode === null ? t("noAnswer") : String(a.statusCode),
              latency: a.latencyMs,
            })}
            {a.errorMessage ? ` — ${text(a.errorMessage, a.error ?? undefined)}` : a.error ? ` — ${a.error}` : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

function LastError({ text }: { text: string }) {
  return (
    <div className="max-w-xs truncate text-xs text-red-700 dark:text-red-300" title={text}>
      {text}
    </div>
  );
}

/** One webhook's deliveries, newest first: what was sent, how it went, each attempt's status and latency. */
export function DeliveryLog({ webhook }: { webhook: WebhookDto }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const text = useMessageText();
  const deliveries = useDeliveries(webhook.id);
  if (deliveries.isPending) return <TableSkeleton label={t("deliveriesLoading")} />;
  if (deliveries.isError) return <QueryError title={t("deliveriesFailed")} query={deliveries} />;
  if (deliveries.data.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">{t("noDeliveries")}</p>;
  return (
    <TableScroller>
      <table className={tableClass}>
        <caption className="sr-only">{t("deliveriesOf", { name: webhook.name })}</caption>
        <thead className={theadClass}>
          <tr>
            <Th>{t("colTime")}</Th>
            <Th>{t("colEvent")}</Th>
            <Th>{t("colStatus")}</Th>
            <Th>{t("colAttempts")}</Th>
            <Th>{t("colResponse")}</Th>
            <Th>{t("colLatency")}</Th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => (
            <tr key={d.id} className={rowClass}>
              <td className={cellClass}>{formatDateTime(format, d.createdAt)}</td>
              <td className={cellClass}>{t(`eventNames.${d.event}`)}</td>
              <td className={cellClass}>
                <Badge tone={TONE[d.status]}>{t(`statuses.${d.status}`)}</Badge>
                {d.status === "queued" && d.nextAttemptAt && d.attempts > 0 ? (
                  <div className="text-xs text-slate-600 dark:text-slate-300">{t("nextAttempt", { time: formatDateTime(format, d.nextAttemptAt) })}</div>
                ) : null}
              </td>
              <td className={cellClass}>
                <Attempts delivery={d} />
              </td>
              <td className={cellClass}>
                {d.lastStatusCode ?? "—"}
                {d.lastError ? <LastError text={d.lastErrorMessage ? text(d.lastErrorMessage, d.lastError) : d.lastError} /> : null}
              </td>
              <td className={numericCellClass}>{d.lastLatencyMs === null ? "—" : t("latency", { ms: d.lastLatencyMs })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
