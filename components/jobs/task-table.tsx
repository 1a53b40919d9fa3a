"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Row,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { selectClass } from "@/components/ui/field";
import { cellClass, numericCellClass, rowClass, tableClass, Th, theadClass } from "@/components/ui/table";
import { isTerminal } from "@/lib/sync/states";
import type { JobTask } from "./api";
import { formatDateTime } from "./format";
import { TaskStatusBadge } from "./status-badge";

/** From this many rows on, only the rows in view are rendered. */
export const VIRTUALIZE_FROM = 200;
const ROW_HEIGHT = 36;

const SHOW = ["all", "failed", "unfinished"] as const;
type Show = (typeof SHOW)[number];
const KEEP: Record<Show, (task: JobTask) => boolean> = {
  all: () => true,
  failed: (task) => task.status === "failed",
  unfinished: (task) => !isTerminal(task.status),
};

const column = createColumnHelper<JobTask>();

function useTaskColumns() {
  const t = useTranslations("job");
  const format = useFormatter();
  return useMemo(
    () => [
      column.accessor("tag", { header: t("colTag") }),
      column.accessor("status", {
        header: t("colStatus"),
        cell: (c) => <TaskStatusBadge state={c.getValue()} />,
      }),
      column.accessor("attempts", { header: t("colAttempts") }),
      column.accessor("submittedAt", {
        header: t("colSubmitted"),
        cell: (c) => formatDateTime(format, c.getValue()),
      }),
      column.accessor("updatedAt", {
        header: t("colUpdated"),
        cell: (c) => formatDateTime(format, c.getValue()),
      }),
      column.accessor("finishedAt", {
        header: t("colFinished"),
        cell: (c) => formatDateTime(format, c.getValue()),
      }),
      column.accessor("lastError", {
        header: t("colLastError"),
        cell: (c) => {
          const error = c.getValue();
          return error ? (
            <span className="text-red-800 dark:text-red-200">
              {error.message}{" "}
              <span className="text-xs text-slate-500 dark:text-slate-400">({error.code})</span>
            </span>
          ) : (
            "—"
          );
        },
      }),
    ],
    [t, format],
  );
}

/** With `index`, the row is one of a virtual list: it carries its place for screen readers and gets measured. */
function TaskRow({
  row,
  index,
  measure,
}: {
  row: Row<JobTask>;
  index?: number;
  measure?: (node: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
      className={rowClass}
    >
      {row.getVisibleCells().map((cell) => {
        const content = flexRender(cell.column.columnDef.cell, cell.getContext());
        if (cell.column.id === "tag") {
          return (
            <th key={cell.id} scope="row" className={`${cellClass} font-mono font-normal`}>
              {content}
            </th>
          );
        }
        return (
          <td key={cell.id} className={cell.column.id === "attempts" ? numericCellClass : cellClass}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}

/** One row per tag; long jobs render only the rows in view so thousands of tags stay smooth. */
export function TaskTable({ tasks }: { tasks: readonly JobTask[] }) {
  const t = useTranslations("job");
  const [show, setShow] = useState<Show>("all");
  const data = useMemo(() => tasks.filter(KEEP[show]), [tasks, show]);
  const columns = useTaskColumns();
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is not memoizable by the React compiler; we do not use it.
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (task) => task.tag,
  });
  const rows = table.getRowModel().rows;
  const virtual = rows.length >= VIRTUALIZE_FROM;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number) =>
    height > 0 ? (
      <tr aria-hidden="true">
        <td colSpan={columns.length} style={{ height, padding: 0 }} />
      </tr>
    ) : null;

  return (
    <section aria-labelledby="job-tasks-title" className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="job-tasks-title" className="text-base font-semibold">
          {t("tasksTitle")}
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <span>{t("show")}</span>
          <select
            className={selectClass}
            value={show}
            onChange={(e) => setShow(SHOW.find((s) => s === e.target.value) ?? "all")}
          >
            {SHOW.map((s) => (
              <option key={s} value={s}>
                {t(`show_${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t("showing", { shown: rows.length, total: tasks.length })}
      </p>
      <div
        ref={scroller}
        className={`overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900 ${virtual ? "max-h-[70vh]" : ""}`}
      >
        <table
          className={tableClass}
          aria-labelledby="job-tasks-title"
          aria-rowcount={virtual ? rows.length + 1 : undefined}
        >
          <thead className={`${theadClass} sticky top-0 z-10 bg-white dark:bg-slate-900`}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={virtual ? 1 : undefined}>
                {group.headers.map((header) => (
                  <Th key={header.id} numeric={header.column.id === "attempts"}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </Th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {virtual ? (
              <>
                {spacer(padTop)}
                {items.map((item) => {
                  const row = rows[item.index];
                  return row ? (
                    <TaskRow key={row.id} row={row} index={item.index} measure={virtualizer.measureElement} />
                  ) : null;
                })}
                {spacer(padBottom)}
              </>
            ) : (
              rows.map((row) => <TaskRow key={row.id} row={row} />)
            )}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className={`${cellClass} text-slate-500`}>
                  {t("noTasksShown")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
