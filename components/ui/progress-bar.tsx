import type { BadgeTone } from "./badge";

// A determinate progress bar: screen readers hear its name, the percentage and `valueText` when given.

export type ProgressTone = Exclude<BadgeTone, "neutral"> | "neutral";

const FILLS: Record<ProgressTone, string> = {
  neutral: "bg-slate-400 dark:bg-slate-500",
  info: "bg-blue-600 dark:bg-blue-500",
  success: "bg-green-600 dark:bg-green-500",
  "success-muted": "bg-teal-500 dark:bg-teal-400",
  accent: "bg-violet-500 dark:bg-violet-400",
  warning: "bg-amber-500",
  danger: "bg-red-600 dark:bg-red-500",
};

/** The fill colour of a tone, for legends that repeat the bar's colours. */
export const progressFillClass = (tone: ProgressTone) => FILLS[tone];

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
