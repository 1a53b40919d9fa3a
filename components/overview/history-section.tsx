"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { durationText } from "@/components/jobs/job-facts";
import { jobsHref } from "@/components/jobs/links";
import { QueryError } from "@/components/jobs/query-error";
import { outcomeTone } from "@/components/jobs/status";
import { useJobHistoryStats } from "@/components/jobs/use-jobs";
import { Card } from "@/components/ui/card";
import { CardSkeleton } from "@/components/ui/card-skeleton";
import { ChartFigure } from "@/components/ui/chart-figure";
import { selectClass } from "@/components/ui/field";
import { useRecordedErrorText } from "@/components/ui/use-message";
import { toneFill } from "@/components/ui/progress-bar";
import type { JobHistoryStats } from "@/lib/jobs/dto";
import { DEFAULT_HISTORY_DAYS, HISTORY_OUTCOMES, sumOutcomes, type HistoryOutcome } from "@/lib/jobs/history";
import { DailyTable, RegionTable } from "./history-tables";

// Recharts comes with these two files alone, fetched once the overview asks for them: no other page's bundle grows.
const ChartPlaceholder = ({ height }: { height: number }) => (
  <div aria-hidden="true" style={{ height }} className="animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
);
const JobsPerDayChart = dynamic(() => import("./jobs-per-day-chart"), { ssr: false, loading: () => <ChartPlaceholder height={260} /> });
const RegionChart = dynamic(() => import("./region-chart"), { ssr: false, loading: () => <ChartPlaceholder height={104} /> });

const PERIODS = [7, DEFAULT_HISTORY_DAYS, 90] as const;

/** `2024-05-31` as the reader says a day ("May 31"): the calendar day itself, whatever the zone. */
function useDayLabels() {
  const format = useFormatter();
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  return {
    short: (day: string) => format.dateTime(at(day), { month: "short", day: "numeric", timeZone: "UTC" }),
    long: (day: string) => format.dateTime(at(day), { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }),
  };
}

function useOutcomeLabel() {
  const t = useTranslations("overview");
  const tStatus = useTranslations("jobStatus");
  return (o: HistoryOutcome) => (o === "unfinished" ? t("outcomeUnfinished") : tStatus(o));
}

function Figures({ history }: { history: JobHistoryStats }) {
  const t = useTranslations("overview");
  const tJob = useTranslations("job");
  const format = useFormatter();
  const totals = sumOutcomes(history.daily);
  const jobs = HISTORY_OUTCOMES.reduce((n, o) => n + totals[o], 0);
  const { success, duration } = history;
  const duration_ = (ms: number | null) => (ms === null ? "—" : durationText(tJob, ms));
  const durationDetail = duration.jobs > 0 ? t("figureDurationDetail", { jobs: duration.jobs }) : t("figureDurationNone");
  const figures: [string, string, string | null][] = [
    [t("figureJobs"), format.number(jobs), null],
    [
      t("figureSuccess"),
      success.ended > 0 ? format.number(success.succeeded / success.ended, { style: "percent", maximumFractionDigits: 1 }) : "—",
      success.ended > 0 ? t("figureSuccessDetail", success) : t("figureSuccessNone"),
    ],
    [t("figureMedian"), duration_(duration.p50Ms), durationDetail],
    [t("figureP95"), duration_(duration.p95Ms), durationDetail],
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {figures.map(([term, value, detail]) => (
        <div key={term} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <dt className="text-xs text-slate-600 dark:text-slate-300">{term}</dt>
          <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          {detail ? <dd className="text-xs text-slate-500 dark:text-slate-400">{detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

function Failures({ history }: { history: JobHistoryStats }) {
  const t = useTranslations("overview");
  const errorText = useRecordedErrorText();
  const first = history.daily[0]?.day;
  const last = history.daily.at(-1)?.day;
  return (
    <section aria-labelledby="history-failures-title" className="space-y-2">
      <h3 id="history-failures-title" className="text-sm font-semibold">
        {t("failuresTitle")}
      </h3>
      {history.failures.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("failuresEmpty")}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {history.failures.map((f) => (
            <li key={f.code} className="space-y-0.5">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link
                  href={jobsHref({ failureCode: f.code, from: first, to: last })}
                  aria-label={t("failureLink", { code: f.code })}
                  className="font-mono text-xs text-blue-700 underline dark:text-blue-300"
                >
                  {f.code}
                </Link>
                <span className="tabular-nums text-slate-600 dark:text-slate-300">{t("failureTags", { count: f.tags })}</span>
              </div>
              <p className="break-words text-xs text-slate-500 dark:text-slate-400">{errorText(f)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryBody({ history }: { history: JobHistoryStats }) {
  const t = useTranslations("overview");
  const tChart = useTranslations("chart");
  const format = useFormatter();
  const days = useDayLabels();
  const outcomeLabel = useOutcomeLabel();
  const formatNumber = (n: number) => format.number(n);
  const totals = sumOutcomes(history.daily);
  const toggle = { showTableLabel: tChart("showTable"), hideTableLabel: tChart("hideTable") };
  const series = HISTORY_OUTCOMES.map((outcome) => ({ outcome, label: outcomeLabel(outcome), fill: toneFill(outcomeTone(outcome)) }));
  const regionText = format.list(
    history.tagsPerRegion.map((r) => t("regionsItem", r)),
    { type: "conjunction" },
  );
  return (
    <div className="space-y-6">
      <Figures history={history} />
      <ChartFigure
        title={t("perDayTitle")}
        summary={t("perDaySummary", { days: history.days, ...totals, partiallyFailed: totals.partially_failed })}
        {...toggle}
        chart={<JobsPerDayChart daily={history.daily} series={series} dayLabel={days.short} formatNumber={formatNumber} />}
        table={
          <DailyTable
            caption={t("perDayCaption", { timeZone: history.timeZone })}
            daily={history.daily}
            dayLabel={days.long}
            outcomeLabel={outcomeLabel}
          />
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        {history.tagsPerRegion.length === 0 ? (
          <section aria-labelledby="history-regions-title" className="space-y-2">
            <h3 id="history-regions-title" className="text-sm font-semibold">
              {t("regionsTitle")}
            </h3>
            <p className="text-sm text-slate-600 dark:text-slate-300">{t("regionsEmpty")}</p>
          </section>
        ) : (
          <ChartFigure
            title={t("regionsTitle")}
            summary={t("regionsSummary", { regions: regionText })}
            {...toggle}
            chart={<RegionChart regions={history.tagsPerRegion} seriesLabel={t("regionsSeries")} formatNumber={formatNumber} />}
            table={<RegionTable caption={t("regionsTitle")} regions={history.tagsPerRegion} />}
          />
        )}
        <Failures history={history} />
      </div>
    </div>
  );
}

/** Jobs of the last days at a glance: per day by outcome, success rate, durations, tags per region, top failures. */
export function HistorySection() {
  const t = useTranslations("overview");
  const timeZone = useTimeZone() ?? "UTC";
  const [days, setDays] = useState<number>(DEFAULT_HISTORY_DAYS);
  const query = useJobHistoryStats(days, timeZone);
  const periodId = useId();
  return (
    <Card title={t("historyTitle")} titleId="history-title">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <label htmlFor={periodId} className="space-y-1 text-sm">
          <span className="block font-medium">{t("historyPeriod")}</span>
          <select id={periodId} value={days} onChange={(e) => setDays(Number(e.target.value))} className={selectClass}>
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t("historyDays", { days: d })}
              </option>
            ))}
          </select>
        </label>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t("historyZone", { timeZone })}</p>
      </div>
      {query.isPending ? (
        <CardSkeleton />
      ) : query.isError && !query.data ? (
        <QueryError title={t("historyFailed")} query={query} />
      ) : (
        <div aria-busy={query.isFetching}>
          {query.isError ? <QueryError title={t("historyFailed")} query={query} /> : null}
          <HistoryBody history={query.data} />
        </div>
      )}
    </Card>
  );
}
