// The sync engine's SWR cost: a whole job end to end, and one poll round per job against polling each tag.
import { performance } from "node:perf_hooks";
import { bigRepoTagName, SEED } from "@/simulator/seed";
import { readRecordsSince } from "@/lib/sync/records";
import { createJob, settle, simStats, startSyncFixture } from "@/lib/sync/test-fixture";

const TAGS = 100;

export async function benchSyncPolling() {
  const fx = await startSyncFixture(20);
  try {
    const spec = { sourceRepository: SEED.bigRepository.repository, targetRegion: SEED.regions.south, targetNamespace: SEED.namespaces.teamA };
    const tags = Array.from({ length: TAGS }, (_, i) => bigRepoTagName(i + 1));
    const jobId = await createJob(fx, { ...spec, tags });
    await simStats(fx, true);
    await settle(fx, [fx.engine({ config: { pollMs: 100 } })], jobId, 120_000);
    const total = (await simStats(fx)).total;
    console.log(`sync engine, ${TAGS}-tag job to the end: ${total} SWR calls — ${(total / TAGS).toFixed(2)} per tag`);

    // One poll round for the same job, as the engine does it (per repository) and per tag.
    const repo = { sourceRegion: SEED.regions.source, sourceNamespace: SEED.namespaces.teamA, sourceRepository: spec.sourceRepository };
    const since = new Date(Date.now() - 10 * 60_000);
    await simStats(fx, true);
    let started = performance.now();
    await readRecordsSince(fx.swr, repo, since, { pageSize: 100, maxPages: 20 });
    await fx.swr.listAllTags(spec.targetRegion, spec.targetNamespace, spec.sourceRepository, {}, { pageSize: 1000 });
    const perJob = { calls: (await simStats(fx)).total, ms: performance.now() - started };
    await simStats(fx, true);
    started = performance.now();
    for (const tag of tags) {
      await fx.swr.listSyncJobs(repo.sourceRegion, repo.sourceNamespace, repo.sourceRepository, { limit: 100, offset: 0 });
      await fx.swr.findTag(spec.targetRegion, spec.targetNamespace, spec.sourceRepository, tag);
    }
    const perTag = { calls: (await simStats(fx)).total, ms: performance.now() - started };
    console.log(
      `one poll round of a ${TAGS}-tag job: per job ${perJob.calls} calls in ${perJob.ms.toFixed(0)} ms, per tag ${perTag.calls} calls in ${perTag.ms.toFixed(0)} ms — ratio per-tag/per-job ${(perTag.calls / perJob.calls).toFixed(0)}× calls, ${(perTag.ms / perJob.ms).toFixed(1)}× time`,
    );
  } finally {
    await fx.close();
  }
}
