import type { CSSProperties } from "react";

// How charts draw their own lines and words, in either theme: the CSS variables of app/globals.css.

export const CHART_TICK = { fill: "var(--chart-text)", fontSize: 12 } as const;
export const CHART_GRID = "var(--chart-grid)";
export const CHART_CURSOR = { fill: "var(--chart-cursor)" } as const;
export const CHART_TOOLTIP_STYLE: CSSProperties = {
  background: "var(--chart-tooltip-bg)",
  border: "1px solid var(--chart-tooltip-border)",
  borderRadius: 6,
  color: "var(--chart-text)",
  fontSize: 12,
};
export const CHART_LEGEND_STYLE: CSSProperties = { fontSize: 12, color: "var(--chart-text)" };
