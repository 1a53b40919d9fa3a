import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

// Previous / next paging, as links (server-rendered lists) or buttons (client lists); labels come from the caller.

export interface PaginationLabels {
  nav: string;
  previous: string;
  next: string;
  /** e.g. "Page 2 of 9". */
  status: ReactNode;
}

export function Pagination({
  page,
  pageCount,
  labels,
  hrefFor,
  onChange,
  disabled = false,
}: {
  page: number;
  pageCount: number;
  labels: PaginationLabels;
  hrefFor?: (page: number) => string;
  onChange?: (page: number) => void;
  disabled?: boolean;
}) {
  const control = (target: number, label: string, enabled: boolean) => {
    const cls = buttonClass("secondary", enabled ? "" : "pointer-events-none opacity-50");
    if (hrefFor) {
      return enabled ? (
        <Link href={hrefFor(target)} className={cls}>
          {label}
        </Link>
      ) : (
        <span aria-disabled="true" role="link" className={cls}>
          {label}
        </span>
      );
    }
    return (
      <button type="button" className={cls} disabled={!enabled || disabled} onClick={() => onChange?.(target)}>
        {label}
      </button>
    );
  };
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-between gap-3 text-sm">
      <span>{labels.status}</span>
      <div className="flex gap-2">
        {control(page - 1, labels.previous, page > 1)}
        {control(page + 1, labels.next, page < pageCount)}
      </div>
    </nav>
  );
}
