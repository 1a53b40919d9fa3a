import "server-only";
import { db } from "@/lib/db/client";
import { elapsedMsSql } from "@/lib/db/elapsed";
import type { JobTimeline } from "./dto";
import { isTaskState } from "./states";
import { jobNotFound } from "./store";

// A job's slowest tags, each from its submission to SWR to its end: the database sorts by the time taken and sends
// back only the slowest, so a 50,000-tag job costs a short list.

interface TimelineRow {
  repository: string;
  tag: string;
  targetRegion: string;
  targetNamespace: string;
  status: string;
  submittedAt: Date | string;
  finishedAt: Date | string;
  ms: bigint | number;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** The `limit` tasks that took longest from submission to end (ties by tag, repository and target), or not_found. */
export async function getJobTimeline(id: string, limit: number): Promise<JobTimeline> {
  const client = db();
  const job = await client.syncJob.findUnique({ where: { id }, select: { createdAt: true } });
  if (!job) throw jobNotFound(id);
  const measuredWhere = { jobId: id, submittedAt: { not: null }, finishedAt: { not: null } };
  const [measured, rows] = await Promise.all([
    client.syncTask.count({ where: measuredWhere }),
    client.$queryRaw<TimelineRow[]>`
      SELECT "repository", "tag", "targetRegion", "targetNamespace", "status", "submittedAt", "finishedAt",
        ${elapsedMsSql(`"submittedAt"`, `"finishedAt"`)} AS "ms"
      FROM "SyncTask"
      WHERE "jobId" = ${id} AND "submittedAt" IS NOT NULL AND "finishedAt" IS NOT NULL
      ORDER BY "ms" DESC, "tag", "repository", "targetRegion", "targetNamespace"
      LIMIT ${limit}`,
  ]);
  return {
    startedAt: job.createdAt.toISOString(),
    measured,
    tasks: rows.flatMap((r) =>
      isTaskState(r.status)
        ? [
            {
              repository: r.repository,
              tag: r.tag,
              targetRegion: r.targetRegion,
              targetNamespace: r.targetNamespace,
              status: r.status,
              submittedAt: iso(r.submittedAt),
              finishedAt: iso(r.finishedAt),
              durationMs: Math.max(0, Number(r.ms)),
            },
          ]
        : [],
    ),
  };
}
