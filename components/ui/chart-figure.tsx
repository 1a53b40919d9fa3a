"use client";

import { useId, useState, type ReactNode } from "react";
import { buttonClass } from "./button";

// A chart with its words: a caption that names it, the picture as one image whose name says what it shows, and the
// same numbers as a table behind a toggle, for screen readers, keyboards and anyone who wants the figures.

export interface ChartFigureProps {
  /** The figure's caption and name. */
  title: string;
  /** What the chart shows, in a sentence: the image's accessible name. */
  summary: string;
  /** The toggle's words; the caption describes it, so a screen reader tells one chart's toggle from another's. */
  showTableLabel: string;
  hideTableLabel: string;
  /** The drawing: its parts are hidden from assistive technology, which reads `summary` and the table instead. */
  chart: ReactNode;
  /** A table with a caption, holding every number the chart draws. */
  table: ReactNode;
}

export function ChartFigure({ title, summary, showTableLabel, hideTableLabel, chart, table }: ChartFigureProps) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption id={`${id}-caption`} className="text-sm font-semibold">
          {title}
        </figcaption>
        <button
          type="button"
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          aria-describedby={`${id}-caption`}
          onClick={() => setShowTable((v) => !v)}
          className={buttonClass("ghost")}
        >
          {showTable ? hideTableLabel : showTableLabel}
        </button>
      </div>
      <div role="img" aria-label={summary} className="w-full">
        {chart}
      </div>
      <div id={`${id}-table`} hidden={!showTable} className="relative overflow-x-auto">
        {table}
      </div>
    </figure>
  );
}
