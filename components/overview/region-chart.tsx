"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_CURSOR, CHART_GRID, CHART_TICK, CHART_TOOLTIP_STYLE } from "@/components/ui/chart-theme";
import { toneFill } from "@/components/ui/progress-bar";
import type { JobHistoryStats } from "@/lib/jobs/dto";

// Loaded with next/dynamic by the history section only, like the other charts.

const ROW_HEIGHT = 36;

/** One bar per target region: the tags that reached it, in the colour of a succeeded tag. */
export default function RegionChart({
  regions,
  seriesLabel,
  formatNumber,
}: {
  regions: JobHistoryStats["tagsPerRegion"];
  seriesLabel: string;
  formatNumber: (n: number) => string;
}) {
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      layout="vertical"
      data={regions}
      style={{ width: "100%", height: Math.max(2, regions.length) * ROW_HEIGHT + 32 }}
      margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid horizontal={false} stroke={CHART_GRID} />
      <XAxis type="number" allowDecimals={false} tickFormatter={formatNumber} tick={CHART_TICK} stroke={CHART_GRID} />
      <YAxis type="category" dataKey="region" tick={CHART_TICK} stroke={CHART_GRID} width="auto" />
      <Tooltip cursor={CHART_CURSOR} contentStyle={CHART_TOOLTIP_STYLE} formatter={(value) => formatNumber(Number(value))} />
      <Bar dataKey="tags" name={seriesLabel} fill={toneFill("success")} isAnimationActive={false} />
    </BarChart>
  );
}
