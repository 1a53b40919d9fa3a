import "server-only";
import type { Locale } from "@/i18n/config";
import { textIn } from "@/i18n/catalog-text";
import { dayIn, formatInTimeZone } from "@/lib/time-zone";
import { iterateJobs, iterateJobTasks } from "./store";
import type { JobFilters, TaskCsvQuery } from "./schemas";
import type { JobSummary, TaskDto } from "./dto";

// The history, and the tags of one job, as CSV (RFC 4180), streamed page by page, safe to open in a spreadsheet.
// Times are local to the reader's zone, with their offset (2024-05-01T16:00:00+08:00), and every row names that zone.
// Columns hold codes (a status, an error code) under fixed names, for scripts; a task's error is also given as the
// sentence the job page shows, in the reader's language.

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

/** A header row and the rows of `pages`; the first page is read before the answer starts, so its errors are still JSON. */
async function csvStream<T>(header: readonly string[], pages: AsyncGenerator<T[]>, rows: (items: T[]) => string): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const first = await pages.next();
  let pending: string | undefined = csvRow(header) + (first.done ? "" : rows(first.value));
  let done = first.done === true;
  return new ReadableStream({
    async pull(controller) {
      if (pending === undefined && !done) {
        const next = await pages.next();
        if (next.done) done = true;
        else pending = rows(next.value);
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

/** The header row, then every matching job, newest first. */
export function jobsCsvStream(filters: JobFilters): Promise<ReadableStream<Uint8Array>> {
  return csvStream(
    COLUMNS.map(([name]) => name),
    iterateJobs(filters),
    (jobs) => jobsCsvRows(jobs, filters.timeZone),
  );
}

interface TaskCsvContext {
  timeZone: string;
  locale: Locale;
}

/** A task's recorded error as the job page shows it: its catalog sentence in `locale`, else the English one it kept. */
const errorSentence = (error: NonNullable<TaskDto["lastError"]>, locale: Locale) =>
  error.key ? textIn(locale, { key: error.key, params: error.params }) : error.message;

const TASK_COLUMNS: readonly [string, (task: TaskDto, c: TaskCsvContext) => Cell][] = [
  ["repository", (t) => t.repository],
  ["targetRegion", (t) => t.targetRegion],
  ["targetNamespace", (t) => t.targetNamespace],
  ["tag", (t) => t.tag],
  ["status", (t) => t.status],
  ["plan", (t) => t.planClass],
  ["attempts", (t) => t.attempts],
  ["sourceDigest", (t) => t.sourceDigest],
  ["targetDigest", (t) => t.targetDigest],
  ["submittedAt", (t, c) => local(t.submittedAt, c.timeZone)],
  ["finishedAt", (t, c) => local(t.finishedAt, c.timeZone)],
  ["timeZone", (_, c) => c.timeZone],
  ["errorCode", (t) => t.lastError?.code ?? null],
  ["error", (t, c) => (t.lastError ? errorSentence(t.lastError, c.locale) : null)],
];

export function tasksCsvRows(tasks: readonly TaskDto[], context: TaskCsvContext): string {
  return tasks.map((task) => csvRow(TASK_COLUMNS.map(([, value]) => value(task, context)))).join("");
}

/** `sync-job-<id>-tags-2024-05-01.csv` for an export made that day in `timeZone`. */
export function tasksCsvFilename(jobId: string, timeZone: string, now = new Date()): string {
  return `sync-job-${jobId}-tags-${dayIn(now, timeZone)}.csv`;
}

/** The header row, then every task of the job matching the filters, in the tasks list's order; 404 when there is no such job. */
export async function tasksCsvStream(jobId: string, { filters, timeZone, locale }: TaskCsvQuery): Promise<ReadableStream<Uint8Array>> {
  return csvStream(
    TASK_COLUMNS.map(([name]) => name),
    await iterateJobTasks(jobId, filters),
    (tasks) => tasksCsvRows(tasks, { timeZone, locale }),
  );
}
