import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { syncRegionProblem } from "@/lib/swr/regions";
import type { StartJobResult } from "./start";
import { startJob } from "./start";
import type { JobRequest, RepositoryRequest } from "./schemas";
import { jobNotFound, parseSelection, parseTargets } from "./store";

// "Sync again with these settings": a new job from an earlier one's source, repositories, targets, override
// and tag choice. A selector (all tags, a pattern) is evaluated again now; a list of tags is the same list.

/** The request that made the job, as far as it can be told again. */
export async function requestOf(jobId: string): Promise<JobRequest> {
  const job = await db().syncJob.findUnique({ where: { id: jobId } });
  if (!job) throw jobNotFound(jobId);
  const targets = parseTargets(job);
  const selector = parseSelection(job.tagSelection);
  // The job's repositories in the order they were first written, with their tags (one target's worth: every target had the same tags).
  const rows = await db().syncTask.findMany({
    where: { jobId, targetRegion: targets[0]!.region, targetNamespace: targets[0]!.namespace },
    select: { repository: true, tag: true },
    orderBy: [{ createdAt: "asc" }, { tag: "asc" }],
  });
  const byRepository = new Map<string, string[]>();
  for (const r of rows) {
    const list = byRepository.get(r.repository);
    if (list) list.push(r.tag);
    else byRepository.set(r.repository, [r.tag]);
  }
  if (!byRepository.has(job.sourceRepository)) byRepository.set(job.sourceRepository, []);
  const repositories: RepositoryRequest[] = [...byRepository].map(([name, tags]) => (selector ? { name, tagSelector: selector } : { name, tags }));
  return {
    source: { region: job.sourceRegion, namespace: job.sourceNamespace },
    repositories,
    targets,
    override: job.override,
    single: repositories.length === 1 && targets.length === 1,
  };
}

/** POST /api/jobs/{id}/again: a new job with the earlier one's settings (planned afresh against SWR now). */
export async function syncAgain(jobId: string, options: { user: SessionUser; idempotencyKey?: string }): Promise<StartJobResult> {
  const request = await requestOf(jobId);
  // A job from before SWR's sync regions were enforced may name a region SWR refuses: say so before planning.
  for (const target of request.targets) {
    const problem = syncRegionProblem(request.source.region, target.region);
    if (problem) throw new AppError("validation_failed", problem.msg, { [problem.end === "source" ? "sourceRegion" : "targetRegion"]: [problem.msg] });
  }
  return startJob(request, options);
}
