import { describe, expect, it } from "vitest";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { createPlannedJob, settle, simStats, submissionsPerTag } from "@/test/sync-fixture";
import { withSyncFixture } from "@/test/with-sync-fixture";

// One job over several repositories and targets: tasks per (repository, tag, target), SWR calls per group.

const { source, mirror, overseas } = SEED.regions;
const teamA = SEED.namespaces.teamA;
const fx = withSyncFixture();

describe("a job over repositories × targets", () => {
  it("plans each tag per target, syncs the new ones once each, and reads SWR per repository, not per tag", async () => {
    const { jobId, tasks: planned } = await createPlannedJob(fx, {
      source: { region: source, namespace: teamA },
      repositories: [{ name: "nginx", tagSelector: { all: true } }, { name: "redis", tagSelector: { all: true } }, { name: "apps/web", tags: ["1.0.0", "latest"] }],
      targets: [
        { region: mirror, namespace: teamA },
        { region: overseas, namespace: teamA },
      ],
      override: false,
    });
    // nginx 5 + redis 4 + apps/web 2 tags, to two targets.
    expect(planned).toHaveLength(22);
    const classOf = (repository: string, tag: string, region: string) => planned.find((t) => t.repository === repository && t.tag === tag && t.targetRegion === region)?.planClass;
    // Seeded: cn-east-3 holds nginx 1.25.3 as in the source, a rebuilt `latest` and every redis tag as in the source;
    // ap-southeast-1 holds redis 7.2.4 as in the source, a rebuilt redis 7.2.5, and apps/web 1.0.0 and latest as in the source.
    expect(classOf("nginx", "1.25.3", mirror)).toBe("identical");
    expect(classOf("nginx", "latest", mirror)).toBe("keep");
    expect(classOf("redis", "7.2.4", overseas)).toBe("identical");
    expect(classOf("nginx", "latest", overseas)).toBe("new");
    expect(classOf("redis", "7.2.5", overseas)).toBe("keep");
    expect(classOf("apps/web", "latest", overseas)).toBe("identical");

    await simStats(fx, true);
    const { tasks, job } = await settle(fx, [fx.engine()], jobId);
    expect(job).toMatchObject({ status: "succeeded", total: 22, succeeded: 12, skipped: 8, kept: 2, failed: 0, repositoryCount: 3, targetCount: 2 });
    const state = (repository: string, tag: string, region: string) => tasks.find((t) => t.repository === repository && t.tag === tag && t.targetRegion === region)?.status;
    expect(state("nginx", "1.25.3", mirror)).toBe("skipped_identical");
    expect(state("nginx", "latest", mirror)).toBe("kept");
    expect(state("apps/web", "latest", overseas)).toBe("skipped_identical");
    expect(state("apps/web", "latest", mirror)).toBe("succeeded");

    // Each tag SWR was asked for went once per target it was new in; skipped and kept tags were never sent.
    const nginx = await submissionsPerTag(fx, "nginx");
    expect(Object.fromEntries(nginx)).toEqual({ "1.25.3": 1, "1.25.4": 2, "1.26.0": 2, alpine: 2, latest: 1 });
    expect(Object.fromEntries(await submissionsPerTag(fx, "redis"))).toEqual({ "7.0.15": 1, latest: 1 });
    for (const t of tasks.filter((x) => x.status === "succeeded")) {
      const there = await fx.swr.findTag(t.targetRegion, t.targetNamespace, t.repository, t.tag);
      expect(there?.digest).toBe(t.sourceDigest);
    }
    // One sync_images call per (repository, target) group here (each under the chunk size).
    const stats = await simStats(fx);
    // nginx to both targets, redis to ap-southeast-1, apps/web to cn-east-3: the other groups had nothing new.
    expect(stats.operations.CreateManualImageSyncRepo).toBe(4);
  });

  it("a failing target repository fails its own tasks only", async () => {
    await simAdmin.setFaults(fx.sim, { syncFailures: [{ region: source, namespace: teamA, repository: "apps/api", tag: "2.1.0", status: "failed" }] });
    const { jobId } = await createPlannedJob(fx, {
      source: { region: source, namespace: teamA },
      repositories: [{ name: "apps/api", tags: ["2.0.0", "2.1.0"] }, { name: "redis", tags: ["7.0.15"] }],
      targets: [{ region: SEED.regions.south, namespace: teamA }],
      override: false,
    });
    const { tasks, job } = await settle(fx, [fx.engine()], jobId);
    expect(job).toMatchObject({ status: "partially_failed", succeeded: 2, failed: 1 });
    expect(tasks.find((t) => t.tag === "2.1.0")).toMatchObject({ repository: "apps/api", status: "failed", lastErrorCode: "swr_failed" });
  });
});
