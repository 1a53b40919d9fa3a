"use client";

import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { ChartFigure } from "@/components/ui/chart-figure";
import { toneFill } from "@/components/ui/progress-bar";
import { cellClass, numericCellClass, rowClass, tableClass, Th, theadClass } from "@/components/ui/table";
import type { JobDetail, JobTimeline } from "@/lib/jobs/dto";
import { formatDateTime, repositoryPath } from "./format";
import { durationText } from "./job-facts";
import { taskBadge } from "./status";
import { TaskStatusBadge } from "./status-badge";
import { useJobTimeline } from "./use-jobs";

// Recharts arrives with the chart's own file, once a timeline is drawn: the job page's bundle does not carry it.
const TaskTimelineChart = dynamic(() => import("./task-timeline-chart"), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-40 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />,
});

/** The slowest tags on the job page. */
export const TIMELINE_TAGS = 20;

type TimelineTask = JobTimeline["tasks"][number];

function TimelineTable({ caption, tasks, tagName }: { caption: string; tasks: readonly TimelineTask[]; tagName: (t: TimelineTask) => string }) {
  const t = useTranslations("job");
  const format = useFormatter();
  return (
    <table className={tableClass}>
      <caption className="sr-only">{caption}</caption>
      <thead className={theadClass}>
        <tr>
          <Th>{t("colTimelineTag")}</Th>
          <Th>{t("colTimelineTarget")}</Th>
          <Th>{t("colTimelineStatus")}</Th>
          <Th>{t("colTimelineSent")}</Th>
          <Th>{t("colTimelineFinished")}</Th>
          <Th numeric>{t("colTimelineTook")}</Th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={`${task.repository}\n${task.tag}\n${task.targetRegion}\n${task.targetNamespace}`} className={rowClass}>
            <th scope="row" className={`${cellClass} font-mono text-xs font-normal`}>
              {tagName(task)}
            </th>
            <td className={cellClass}>{`${task.targetRegion}/${task.targetNamespace}`}</td>
            <td className={cellClass}>
              <TaskStatusBadge state={task.status} />
            </td>
            <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(format, task.submittedAt)}</td>
            <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(format, task.finishedAt)}</td>
            <td className={numericCellClass}>{durationText(t, task.durationMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The job's slowest tags, each from its submission to SWR to its end, as bars on one time axis and as a table. */
export function TaskTimeline({ job }: { job: JobDetail }) {
  const t = useTranslations("job");
  const tChart = useTranslations("chart");
  const query = useJobTimeline(job.id, job.live, TIMELINE_TAGS);
  const timeline = query.data;
  // A job none of whose tags needed SWR (all identical or kept) has no timeline to show.
  if (!timeline || (timeline.measured === 0 && !job.live)) return null;
  const start = Date.parse(timeline.startedAt);
  const several = job.repositoryCount > 1;
  const tagName = (task: TimelineTask) => (several ? `${repositoryPath(job.sourceNamespace, task.repository)}:${task.tag}` : task.tag);
  const seconds = (iso: string) => Math.max(0, (Date.parse(iso) - start) / 1000);
  const secondsLabel = (s: number) => t("durationSeconds", { s: Math.round(s * 10) / 10 });
  const bars = timeline.tasks.map((task) => ({
    // A job with one target names it once, in its title; several targets are told apart on each bar.
    label: job.targetCount > 1 ? t("timelineRow", { tag: tagName(task), target: `${task.targetRegion}/${task.targetNamespace}` }) : tagName(task),
    span: [seconds(task.submittedAt), seconds(task.finishedAt)] as [number, number],
    fill: toneFill(taskBadge(task.status).tone),
  }));
  const slowest = timeline.tasks[0];
  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        {t("timelineHeading")}
      </h2>
      {!slowest ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("timelineEmpty")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {t("timelineMeasured", {
              all: timeline.tasks.length === timeline.measured ? "yes" : "no",
              shown: timeline.tasks.length,
              measured: timeline.measured,
            })}
          </p>
          <ChartFigure
            title={t("timelineTitle")}
            summary={t("timelineSummary", { shown: timeline.tasks.length, slowest: durationText(t, slowest.durationMs) })}
            showTableLabel={tChart("showTable")}
            hideTableLabel={tChart("hideTable")}
            chart={<TaskTimelineChart bars={bars} seriesLabel={t("timelineSeries")} secondsLabel={secondsLabel} />}
            table={<TimelineTable caption={t("timelineTitle")} tasks={timeline.tasks} tagName={tagName} />}
          />
        </>
      )}
    </section>
  );
}
