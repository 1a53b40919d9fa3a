import type { CompareOutcome } from "@/lib/compare/classify";
import type { CompareTagDto, OutcomeCountsDto, RepositoryComparisonDto } from "@/lib/compare/dto";
import type { CompareView } from "./url-state";

// What the page shows of the answers it has: totals per target, repositories and tags filtered and sorted. Pure.

export const TAG_PAGE_SIZE = 100;

export const emptyCounts = (): OutcomeCountsDto => ({ missing: 0, identical: 0, differs: 0, only_in_target: 0 });

/** Per target (by position), the sum of the counts of every repository compared without a failure on that side. */
export function totalsPerTarget(results: readonly RepositoryComparisonDto[], targetCount: number): OutcomeCountsDto[] {
  const totals = Array.from({ length: targetCount }, emptyCounts);
  for (const r of results) {
    if (r.source.failure) continue;
    r.targets.forEach((t, i) => {
      const total = totals[i];
      if (!total || t.failure) return;
      total.missing += t.counts.missing;
      total.identical += t.counts.identical;
      total.differs += t.counts.differs;
      total.only_in_target += t.counts.only_in_target;
    });
  }
  return totals;
}

const sumOver = (r: RepositoryComparisonDto, outcome: CompareOutcome) => r.targets.reduce((n, t) => n + t.counts[outcome], 0);

export interface RepositoryRow {
  name: string;
  /** Undefined while its answer has not come. */
  result?: RepositoryComparisonDto;
}

/**
 * The repositories to list: those whose name holds `q` and, with an outcome filter, those with at least one tag of that
 * outcome in some target (a repository not compared yet is kept, so the list does not jump as answers come in).
 */
export function visibleRepositories(rows: readonly RepositoryRow[], view: Pick<CompareView, "q" | "outcome" | "sort">): RepositoryRow[] {
  const q = view.q?.toLowerCase();
  const kept = rows.filter((row) => {
    if (q && !row.name.toLowerCase().includes(q)) return false;
    if (!view.outcome || !row.result) return true;
    return sumOver(row.result, view.outcome) > 0;
  });
  if (view.sort === "name") return kept.sort((a, b) => a.name.localeCompare(b.name));
  const key = view.sort;
  const score = (row: RepositoryRow) => (row.result ? sumOver(row.result, key) : -1);
  return kept.sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name));
}

/** The tags of one repository to show: holding `tq` and, with an outcome filter, of that outcome in some target. */
export function visibleTags(tags: readonly CompareTagDto[], view: Pick<CompareView, "tq" | "outcome" | "tagSort">): CompareTagDto[] {
  const q = view.tq?.toLowerCase();
  const kept = tags.filter((row) => (!q || row.tag.toLowerCase().includes(q)) && (!view.outcome || row.outcomes.includes(view.outcome)));
  if (view.tagSort === "updated") return kept.sort((a, b) => (b.updatedAt ?? "").localeCompare(a.updatedAt ?? "") || a.tag.localeCompare(b.tag));
  return kept.sort((a, b) => a.tag.localeCompare(b.tag, undefined, { numeric: true }));
}

/** One page of rows, 1-based; a page past the end shows the last. */
export function pageOf<T>(rows: readonly T[], page: number, size = TAG_PAGE_SIZE): { rows: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pageCount);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pageCount };
}
