import type { BadgeTone } from "./badge";

// A determinate progress bar: screen readers hear its name, the percentage and `valueText` when given.

export type ProgressTone = Exclude<BadgeTone, "neutral"> | "neutral";

// Each theme's colour of a tone is a CSS variable (app/globals.css), shared with the charts.
const FILLS: Record<ProgressTone, string> = {
  neutral: "bg-(--tone-fill-neutral)",
  info: "bg-(--tone-fill-info)",
  success: "bg-(--tone-fill-success)",
  "success-muted": "bg-(--tone-fill-success-muted)",
  accent: "bg-(--tone-fill-accent)",
  warning: "bg-(--tone-fill-warning)",
  danger: "bg-(--tone-fill-danger)",
};

/** The fill colour of a tone, for legends that repeat the bar's colours. */
export const progressFillClass = (tone: ProgressTone) => FILLS[tone];

/** The same colour as an SVG fill (`var(--tone-fill-…)`), for charts. */
export const toneFill = (tone: ProgressTone) => `var(--tone-fill-${tone})`;

export interface ProgressSegment {
  /** Share of the whole bar, in percent. */
  percent: number;
  tone: ProgressTone;
}

/**
 * One fill of `tone`, or with `segments` one coloured part per outcome side by side (their text belongs in
 * `valueText` or next to the bar: colours only repeat it).
 */
export function ProgressBar({
  label,
  percent,
  valueText,
  tone = "info",
  segments,
}: {
  label: string;
  percent: number;
  valueText?: string;
  tone?: ProgressTone;
  segments?: readonly ProgressSegment[];
}) {
  const value = Math.min(100, Math.max(0, Math.round(percent)));
  const parts = segments ?? [{ percent: value, tone }];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      {parts
        .filter((p) => p.percent > 0)
        .map((p, i) => (
          <div
            key={`${p.tone}-${i}`}
            className={`h-full transition-[width] duration-500 ${FILLS[p.tone]}`}
            style={{ width: `${Math.min(100, p.percent)}%` }}
          />
        ))}
    </div>
  );
}
