import type { ReactNode, ThHTMLAttributes } from "react";

// Table styles shared by every data table; markup stays native so rows and headers keep their roles.

export const tableClass = "w-full text-left text-sm";
export const theadClass = "border-b border-slate-200 text-slate-500 dark:border-slate-700 dark:text-slate-400";
export const rowClass = "border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50";
export const cellClass = "px-2 py-1.5 align-middle";
export const numericCellClass = `${cellClass} text-right tabular-nums`;

export type SortDirection = "ascending" | "descending" | "none";

/** A column header; `sort` sets aria-sort so screen readers announce the active sort. */
export function Th({
  sort,
  numeric = false,
  children,
  className = "",
  ...props
}: ThHTMLAttributes<HTMLTableCellElement> & { sort?: SortDirection; numeric?: boolean; children?: ReactNode }) {
  return (
    <th
      scope="col"
      aria-sort={sort && sort !== "none" ? sort : undefined}
      className={`px-2 py-1.5 font-medium ${numeric ? "text-right" : ""} ${className}`}
      {...props}
    >
      {children}
    </th>
  );
}

/**
 * A table wider than the screen scrolls in this box, not the page. `relative` keeps the table's screen-reader-only
 * text (absolutely positioned) inside the box too: without it, that text would widen the page itself.
 */
export function TableScroller({ children }: { children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      {children}
    </div>
  );
}
