export function CardSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="h-40 animate-pulse rounded-lg border border-slate-200 bg-slate-100 dark:border-slate-700 dark:bg-slate-800"
    />
  );
}
