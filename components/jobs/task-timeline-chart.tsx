"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_CURSOR, CHART_GRID, CHART_TICK, CHART_TOOLTIP_STYLE } from "@/components/ui/chart-theme";

// Loaded with next/dynamic by the job page's timeline only, so Recharts is fetched when a timeline is drawn.

export interface TimelineBar {
  label: string;
  /** Seconds after the job started: sent to SWR, finished. */
  span: [number, number];
  /** The bar's colour (Recharts reads `fill` from each entry). */
  fill: string;
}

const ROW_HEIGHT = 28;

/** One bar per tag, from its submission to its end, on a shared axis of seconds since the job started. */
export default function TaskTimelineChart({
  bars,
  seriesLabel,
  secondsLabel,
}: {
  bars: readonly TimelineBar[];
  seriesLabel: string;
  secondsLabel: (seconds: number) => string;
}) {
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      layout="vertical"
      data={[...bars]}
      style={{ width: "100%", height: bars.length * ROW_HEIGHT + 40 }}
      margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
    >
      <CartesianGrid horizontal={false} stroke={CHART_GRID} />
      <XAxis type="number" domain={[0, "dataMax"]} tickFormatter={secondsLabel} tick={CHART_TICK} stroke={CHART_GRID} />
      <YAxis type="category" dataKey="label" tick={CHART_TICK} stroke={CHART_GRID} width="auto" interval={0} />
      <Tooltip
        cursor={CHART_CURSOR}
        contentStyle={CHART_TOOLTIP_STYLE}
        formatter={(value) => (Array.isArray(value) ? value.map((v) => secondsLabel(Number(v))).join(" → ") : secondsLabel(Number(value)))}
      />
      <Bar dataKey="span" name={seriesLabel} isAnimationActive={false} />
    </BarChart>
  );
}
