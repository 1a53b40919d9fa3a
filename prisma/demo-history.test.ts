import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getJobHistoryStats } from "@/lib/jobs/history-store";
import { HISTORY_OUTCOMES } from "@/lib/jobs/history";
import { isLiveJobStatus, isJobStatus } from "@/lib/jobs/states";
import { withTestDatabase } from "@/test/with-test-database";
import { DEMO_HISTORY_HASH, planDemoHistory, seedDemoHistory } from "./demo-history";
import { seedDemoUsers } from "./seed";

const NOW = new Date("2026-12-06T09:30:00Z");
const DAY = 86_400_000;

describe("planDemoHistory", () => {
  const plan = planDemoHistory(NOW);

  it("spreads settled jobs of every outcome over the month, the same on every run", () => {
    expect(planDemoHistory(NOW)).toEqual(plan);
    const days = new Set(plan.map((j) => j.createdAt.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(25);
    expect(new Set(plan.map((j) => j.status))).toEqual(new Set(["succeeded", "partially_failed", "failed", "cancelled"]));
    expect(new Set(plan.map((j) => j.key)).size).toBe(plan.length);
    for (const job of plan) {
      expect(job.createdAt.getTime()).toBeGreaterThan(NOW.getTime() - 30 * DAY);
      expect(job.finishedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(job.finishedAt.getTime()).toBeGreaterThan(job.createdAt.getTime());
      for (const task of job.tasks) {
        expect(task.finishedAt.getTime()).toBeLessThanOrEqual(job.finishedAt.getTime());
        if (task.submittedAt) expect(task.submittedAt.getTime()).toBeLessThanOrEqual(task.finishedAt.getTime());
        expect(task.error !== null).toBe(task.status === "failed");
      }
    }
  });
});

describe("seedDemoHistory", () => {
  const database = withTestDatabase();

  beforeAll(async () => {
    await seedDemoUsers(database.url);
  });

  it("writes the planned jobs once, and on a later start only the days that passed since", async () => {
    const plan = planDemoHistory(NOW);
    expect(await seedDemoHistory(database.url, NOW)).toEqual({ created: plan.length });
    expect(await seedDemoHistory(database.url, NOW)).toEqual({ created: 0 });
    const later = new Date(NOW.getTime() + 2 * DAY);
    const known = new Set(plan.map((j) => j.key));
    const added = planDemoHistory(later).filter((j) => !known.has(j.key));
    expect(added.length).toBeGreaterThan(0);
    expect(await seedDemoHistory(database.url, later)).toEqual({ created: added.length });
  });

  it("leaves rows as the engine would: settled, counted, never due for a round", async () => {
    const jobs = await db().syncJob.findMany({ where: { requestHash: DEMO_HISTORY_HASH }, include: { tasks: true } });
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(isJobStatus(job.status) && !isLiveJobStatus(job.status)).toBe(true);
      expect(job.nextRoundAt).toBeNull();
      expect(job.finishedAt).not.toBeNull();
      expect(job.total).toBe(job.tasks.length);
      expect(job.succeeded).toBe(job.tasks.filter((t) => t.status === "succeeded").length);
      expect(job.failed).toBe(job.tasks.filter((t) => t.status === "failed").length);
      for (const t of job.tasks.filter((x) => x.status === "failed")) expect(t.lastErrorCode).toMatch(/^[a-z_]+$/);
    }
  });

  it("gives the overview's history something in every figure", async () => {
    const h = await getJobHistoryStats(30, "UTC", NOW);
    expect(h.daily.filter((d) => HISTORY_OUTCOMES.some((o) => d[o] > 0)).length).toBeGreaterThanOrEqual(25);
    expect(h.success.ended).toBeGreaterThan(h.success.succeeded);
    expect(h.duration.p50Ms).toBeGreaterThan(0);
    expect(h.duration.p95Ms).toBeGreaterThan(h.duration.p50Ms ?? 0);
    expect(h.tagsPerRegion.map((r) => r.region).sort()).toEqual(["ap-southeast-1", "cn-east-3", "cn-south-1"]);
    expect(h.failures.length).toBeGreaterThanOrEqual(3);
    // Each reads in the reader's language: a task-error key with its parameters, as the engine records them.
    for (const f of h.failures) expect(f.key).toMatch(/^taskErrors\./);
  });
});
