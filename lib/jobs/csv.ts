import "server-only";
import { dayIn, formatInTimeZone } from "@/lib/time-zone";
import { iterateJobs } from "./store";
import type { JobFilters } from "./schemas";
import type { JobSummary } from "./dto";

// The history as CSV (RFC 4180), streamed page by page, safe to open in a spreadsheet. Times are local to the
// reader's zone, with their offset (2024-05-01T16:00:00+08:00), and every row names that zone.

type Cell = string | number | boolean | null;

const local = (iso: string | null, timeZone: string) => (iso === null ? null : formatInTimeZone(Date.parse(iso), timeZone));

const COLUMNS: readonly [string, (job: JobSummary, timeZone: string) => Cell][] = [
  ["id", (j) => j.id],
  ["status", (j) => j.status],
  ["createdAt", (j, tz) => local(j.createdAt, tz)],
  ["finishedAt", (j, tz) => local(j.finishedAt, tz)],
  ["timeZone", (_, tz) => tz],
  ["createdBy", (j) => j.createdBy.email],
  ["sourceRegion", (j) => j.sourceRegion],
  ["sourceNamespace", (j) => j.sourceNamespace],
  ["sourceRepository", (j) => j.sourceRepository],
  // A job over several repositories or targets names its first of each; the counts say there are more.
  ["repositoryCount", (j) => j.repositoryCount],
  ["targetRegion", (j) => j.targetRegion],
  ["targetNamespace", (j) => j.targetNamespace],
  ["targetCount", (j) => j.targetCount],
  ["override", (j) => j.override],
  ["attempt", (j) => j.attempt],
  ["total", (j) => j.counts.total],
  ["queued", (j) => j.counts.queued],
  ["active", (j) => j.counts.active],
  ["succeeded", (j) => j.counts.succeeded],
  ["failed", (j) => j.counts.failed],
  ["cancelled", (j) => j.counts.cancelled],
  ["skipped", (j) => j.counts.skipped],
  ["kept", (j) => j.counts.kept],
  ["tagSelection", (j) => (j.tagSelection ? ("all" in j.tagSelection ? "all" : `pattern:${j.tagSelection.pattern}`) : null)],
];

/** One cell: text a spreadsheet would run as a formula gets a leading `'`; quotes, commas and line breaks are quoted. */
export function csvCell(value: Cell): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly Cell[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export function jobsCsvRows(jobs: readonly JobSummary[], timeZone: string): string {
  return jobs.map((job) => csvRow(COLUMNS.map(([, value]) => value(job, timeZone)))).join("");
}

/** `sync-jobs-2024-05-01.csv` for an export made that day in `timeZone`. */
export function jobsCsvFilename(timeZone: string, now = new Date()): string {
  return `sync-jobs-${dayIn(now, timeZone)}.csv`;
}

/** The header row, then every matching job, newest first; the first page is read before the answer starts, so its errors are still JSON. */
export async function jobsCsvStream(filters: JobFilters): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const pages = iterateJobs(filters);
  const first = await pages.next();
  let pending: string | undefined =
    csvRow(COLUMNS.map(([name]) => name)) + (first.done ? "" : jobsCsvRows(first.value, filters.timeZone));
  let done = first.done === true;
  return new ReadableStream({
    async pull(controller) {
      if (pending === undefined && !done) {
        const next = await pages.next();
        if (next.done) done = true;
        else pending = jobsCsvRows(next.value, filters.timeZone);
      }
      if (pending !== undefined) controller.enqueue(encoder.encode(pending));
      pending = undefined;
      if (done) controller.close();
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
