import type { JobCounts, JobProgress, JobSummary } from "@/lib/jobs/dto";
import type { JobTarget } from "@/lib/jobs/schemas";

// A job over several repositories or targets, cut per target and per repository; pure, so it is tested without a browser.

type Group = JobProgress["groups"][number];

export interface ProgressRow {
  name: string;
  counts: JobCounts;
}

/** More than one repository or target: the job page names them and shows progress per each. */
export const spansSeveral = (job: Pick<JobSummary, "repositoryCount" | "targetCount">) => job.repositoryCount > 1 || job.targetCount > 1;

/** `cn-east-3/team-a`: how the page and the tasks API name a target. */
export const targetName = (t: JobTarget) => `${t.region}/${t.namespace}`;
const groupTarget = (g: Group) => targetName({ region: g.targetRegion, namespace: g.targetNamespace });

const ZERO: JobCounts = { total: 0, queued: 0, active: 0, succeeded: 0, failed: 0, cancelled: 0, skipped: 0, kept: 0 };
const KEYS = Object.keys(ZERO) as (keyof JobCounts)[];

export function sumCounts(counts: readonly JobCounts[]): JobCounts {
  const sum = { ...ZERO };
  for (const c of counts) for (const k of KEYS) sum[k] += c[k];
  return sum;
}

/** Tags that reached an end, whichever: the rest are queued or with SWR. */
export const finishedOf = (c: JobCounts) => c.total - c.queued - c.active;

/** One row per target, in the job's order. */
export function progressByTarget(groups: readonly Group[], targets: readonly JobTarget[]): ProgressRow[] {
  return targets.map((t) => {
    const name = targetName(t);
    return { name, counts: sumCounts(groups.filter((g) => groupTarget(g) === name).map((g) => g.counts)) };
  });
}

/** One row per repository, by name. */
export function progressByRepository(groups: readonly Group[]): ProgressRow[] {
  return repositoriesOf(groups).map((name) => ({ name, counts: sumCounts(groups.filter((g) => g.repository === name).map((g) => g.counts)) }));
}

/** The job's repositories, by name. */
export function repositoriesOf(groups: readonly Group[]): string[] {
  return [...new Set(groups.map((g) => g.repository))].sort();
}

/** The counts of the tasks of one repository, one target, or both. */
export function countsMatching(groups: readonly Group[], filter: { repository?: string; target?: string }): JobCounts {
  return sumCounts(
    groups.filter((g) => (filter.repository === undefined || g.repository === filter.repository) && (filter.target === undefined || groupTarget(g) === filter.target)).map((g) => g.counts),
  );
}
