// A determinate progress bar: screen readers hear its name, the percentage and `valueText` when given.

export function ProgressBar({
  label,
  percent,
  valueText,
  tone = "info",
}: {
  label: string;
  percent: number;
  valueText?: string;
  tone?: "info" | "success" | "warning" | "danger";
}) {
  const value = Math.min(100, Math.max(0, Math.round(percent)));
  const fill = {
    info: "bg-blue-600",
    success: "bg-green-600",
    warning: "bg-amber-500",
    danger: "bg-red-600",
  }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-500 ${fill}`}
        style={{ width: `${value}%` }}
      />
    </div>
  );
}
