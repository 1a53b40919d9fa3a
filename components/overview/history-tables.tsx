"use client";

import { useFormatter, useTranslations } from "next-intl";
import { cellClass, numericCellClass, rowClass, tableClass, Th, theadClass } from "@/components/ui/table";
import type { JobHistoryStats } from "@/lib/jobs/dto";
import { HISTORY_OUTCOMES, sumOutcomes, type HistoryOutcome, type OutcomeCounts } from "@/lib/jobs/history";

// The history charts' numbers as tables: what a screen reader reads instead of the pictures, and anyone may open.

const total = (c: OutcomeCounts) => HISTORY_OUTCOMES.reduce((n, o) => n + c[o], 0);

/** Every day of the window with its jobs by outcome, and a row of totals. */
export function DailyTable({
  caption,
  daily,
  dayLabel,
  outcomeLabel,
}: {
  caption: string;
  daily: JobHistoryStats["daily"];
  dayLabel: (day: string) => string;
  outcomeLabel: (o: HistoryOutcome) => string;
}) {
  const t = useTranslations("overview");
  const format = useFormatter();
  const sums = sumOutcomes(daily);
  const cells = (c: OutcomeCounts) => (
    <>
      {HISTORY_OUTCOMES.map((o) => (
        <td key={o} className={numericCellClass}>
          {format.number(c[o])}
        </td>
      ))}
      <td className={numericCellClass}>{format.number(total(c))}</td>
    </>
  );
  return (
    <table className={tableClass}>
      <caption className="sr-only">{caption}</caption>
      <thead className={theadClass}>
        <tr>
          <Th>{t("colDay")}</Th>
          {HISTORY_OUTCOMES.map((o) => (
            <Th key={o} numeric>
              {outcomeLabel(o)}
            </Th>
          ))}
          <Th numeric>{t("colTotal")}</Th>
        </tr>
      </thead>
      <tbody>
        {daily.map((d) => (
          <tr key={d.day} className={rowClass}>
            <th scope="row" className={`${cellClass} font-normal whitespace-nowrap`}>
              <time dateTime={d.day}>{dayLabel(d.day)}</time>
            </th>
            {cells(d)}
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t border-slate-300 font-semibold dark:border-slate-600">
        <tr>
          <th scope="row" className={`${cellClass} text-left`}>
            {t("rowTotal")}
          </th>
          {cells(sums)}
        </tr>
      </tfoot>
    </table>
  );
}

/** Tags synced per target region, the most first. */
export function RegionTable({ caption, regions }: { caption: string; regions: JobHistoryStats["tagsPerRegion"] }) {
  const t = useTranslations("overview");
  const format = useFormatter();
  return (
    <table className={tableClass}>
      <caption className="sr-only">{caption}</caption>
      <thead className={theadClass}>
        <tr>
          <Th>{t("colRegion")}</Th>
          <Th numeric>{t("colTagsSynced")}</Th>
        </tr>
      </thead>
      <tbody>
        {regions.map((r) => (
          <tr key={r.region} className={rowClass}>
            <th scope="row" className={`${cellClass} font-normal`}>
              {r.region}
            </th>
            <td className={numericCellClass}>{format.number(r.tags)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
