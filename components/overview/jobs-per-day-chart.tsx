"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_CURSOR, CHART_GRID, CHART_LEGEND_STYLE, CHART_TICK, CHART_TOOLTIP_STYLE } from "@/components/ui/chart-theme";
import type { JobHistoryStats } from "@/lib/jobs/dto";
import type { HistoryOutcome } from "@/lib/jobs/history";

// Recharts is loaded with this file only (next/dynamic in the history section), so no other page carries it.

export interface OutcomeSeries {
  outcome: HistoryOutcome;
  label: string;
  fill: string;
}

/** One stacked bar per day, one part per outcome; words and numbers come formatted from the caller. */
export default function JobsPerDayChart({
  daily,
  series,
  dayLabel,
  formatNumber,
}: {
  daily: JobHistoryStats["daily"];
  series: readonly OutcomeSeries[];
  dayLabel: (day: string) => string;
  formatNumber: (n: number) => string;
}) {
  return (
    <BarChart responsive accessibilityLayer={false} data={daily} style={{ width: "100%", height: 260 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={CHART_GRID} />
      <XAxis dataKey="day" tickFormatter={dayLabel} tick={CHART_TICK} stroke={CHART_GRID} minTickGap={12} />
      <YAxis allowDecimals={false} tickFormatter={formatNumber} tick={CHART_TICK} stroke={CHART_GRID} width="auto" />
      <Tooltip
        cursor={CHART_CURSOR}
        contentStyle={CHART_TOOLTIP_STYLE}
        labelFormatter={(day) => dayLabel(String(day))}
        formatter={(value) => formatNumber(Number(value))}
      />
      {/* In the order of the stack, not by name. */}
      <Legend wrapperStyle={CHART_LEGEND_STYLE} itemSorter={null} />
      {series.map((s) => (
        <Bar key={s.outcome} dataKey={s.outcome} name={s.label} stackId="jobs" fill={s.fill} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
