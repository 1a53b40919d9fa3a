import type { TaskDto, TaskPage } from "@/lib/jobs/dto";
import type { TaskPageQuery } from "./api";

// Folding the tasks a poll reports as changed into a page of tasks already on screen; pure, so it is tested without a browser.

/** A task's identity within its job: a tag of a repository for a target (a tag alone repeats in a job over several). */
export const taskKey = (t: Pick<TaskDto, "repository" | "targetRegion" | "targetNamespace" | "tag">): string =>
  `${t.repository}\u0000${t.targetRegion}\u0000${t.targetNamespace}\u0000${t.tag}`;

/** A page of tasks together with the filter that produced it, so a change can tell whether it still belongs. */
export type CachedTaskPage = TaskPage & { query: TaskPageQuery };

const newerOrSame = (next: TaskDto, current: TaskDto) => Date.parse(next.updatedAt) >= Date.parse(current.updatedAt);

// The server's `q` is a substring of the tag; compared loosely here, since a wrong "maybe" costs one refetch only.
const mayMatch = (query: TaskPageQuery, task: TaskDto) =>
  (query.status === undefined || query.status === task.status) &&
  (query.q === undefined || task.tag.toLowerCase().includes(query.q.toLowerCase())) &&
  (query.repository === undefined || query.repository === task.repository) &&
  (query.target === undefined || query.target === `${task.targetRegion}/${task.targetNamespace}`);

/**
 * The page with every changed task it shows replaced by its newer copy. `stale` when the changes may have moved
 * tasks into or out of the page's status filter, so the page must be fetched again to be right.
 */
export function mergeTaskChanges(
  page: CachedTaskPage,
  changed: readonly TaskDto[],
): { page: CachedTaskPage; stale: boolean } {
  if (changed.length === 0) return { page, stale: false };
  const byTag = new Map(changed.map((task) => [taskKey(task), task]));
  const shown = new Set(page.items.map(taskKey));
  let replaced = false;
  let stale = false;
  const items = page.items.map((task) => {
    const next = byTag.get(taskKey(task));
    if (!next || !newerOrSame(next, task)) return task;
    replaced = true;
    if (page.query.status !== undefined && next.status !== page.query.status) stale = true;
    return next;
  });
  // Without a status filter a page holds the same tags whatever happens to them.
  if (page.query.status !== undefined) {
    stale ||= changed.some((task) => !shown.has(taskKey(task)) && mayMatch(page.query, task));
  }
  return { page: replaced ? { ...page, items } : page, stale };
}

/**
 * The tags whose changes can matter to the cached pages: from the first row of the earliest page to the last row of
 * the latest one, open on a side where a page starts the list or ends it (a change there may join that page).
 */
export function changeWindow(pages: readonly CachedTaskPage[]): { from?: string; to?: string } {
  if (pages.length === 0) return {};
  let from: string | undefined;
  let to: string | undefined;
  let openStart = false;
  let openEnd = false;
  for (const p of pages) {
    const first = p.items[0]?.tag;
    const last = p.items.at(-1)?.tag;
    if (p.offset === 0 || first === undefined) openStart = true;
    else if (from === undefined || first < from) from = first;
    if (p.offset + p.items.length >= p.total || last === undefined) openEnd = true;
    else if (to === undefined || last > to) to = last;
  }
  return { from: openStart ? undefined : from, to: openEnd ? undefined : to };
}
