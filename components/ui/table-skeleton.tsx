/** Placeholder rows while a table loads; hidden from screen readers, which hear the status instead. */
export function TableSkeleton({ rows = 8, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className="h-6 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      ))}
    </div>
  );
}
