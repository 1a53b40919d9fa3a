import { describe, expect, it } from "vitest";
import type { JobCounts, JobProgress } from "@/lib/jobs/dto";
import { countsMatching, finishedOf, progressByRepository, progressByTarget, repositoriesOf, spansSeveral } from "./breakdown";

const counts = (patch: Partial<JobCounts>): JobCounts => {
  const c = { queued: 0, active: 0, succeeded: 0, failed: 0, cancelled: 0, skipped: 0, kept: 0, ...patch };
  return { ...c, total: c.queued + c.active + c.succeeded + c.failed + c.cancelled + c.skipped + c.kept };
};
const group = (repository: string, target: string, c: Partial<JobCounts>): JobProgress["groups"][number] => {
  const [targetRegion = "", targetNamespace = ""] = target.split("/");
  return { repository, targetRegion, targetNamespace, counts: counts(c) };
};

const groups = [
  group("nginx", "ap-southeast-1/team-a", { succeeded: 4, skipped: 0, queued: 1 }),
  group("nginx", "cn-east-3/team-a", { succeeded: 3, skipped: 1, kept: 1 }),
  group("redis", "ap-southeast-1/team-a", { succeeded: 2, skipped: 1, active: 1 }),
  group("redis", "cn-east-3/team-a", { failed: 1, succeeded: 3 }),
];
const targets = [
  { region: "cn-east-3", namespace: "team-a" },
  { region: "ap-southeast-1", namespace: "team-a" },
];

describe("a job's progress per target and per repository", () => {
  it("sums each target over the repositories, in the job's order of targets", () => {
    const rows = progressByTarget(groups, targets);
    expect(rows.map((r) => r.name)).toEqual(["cn-east-3/team-a", "ap-southeast-1/team-a"]);
    expect(rows[0]?.counts).toEqual(counts({ succeeded: 6, skipped: 1, kept: 1, failed: 1 }));
    expect(rows.map((r) => [finishedOf(r.counts), r.counts.total])).toEqual([
      [9, 9],
      [7, 9],
    ]);
  });

  it("sums each repository over the targets, by name", () => {
    const rows = progressByRepository([...groups].reverse());
    expect(rows.map((r) => [r.name, finishedOf(r.counts), r.counts.total])).toEqual([
      ["nginx", 9, 10],
      ["redis", 7, 8],
    ]);
    expect(repositoriesOf(groups)).toEqual(["nginx", "redis"]);
  });

  it.each([
    [{}, 18],
    [{ repository: "redis" }, 8],
    [{ target: "cn-east-3/team-a" }, 9],
    [{ repository: "redis", target: "cn-east-3/team-a" }, 4],
    [{ repository: "busybox" }, 0],
  ])("counts the tasks matching %j: %i", (filter, total) => {
    expect(countsMatching(groups, filter).total).toBe(total);
  });

  it.each([
    [{ repositoryCount: 1, targetCount: 1 }, false],
    [{ repositoryCount: 2, targetCount: 1 }, true],
    [{ repositoryCount: 1, targetCount: 3 }, true],
  ])("spansSeveral(%j) is %s", (job, expected) => {
    expect(spansSeveral(job)).toBe(expected);
  });
});
