import type { Faults } from "./faults";
import type { SyncJob, SyncStatus } from "./model";
import type { Creator, Store } from "./store";
import { formatTime } from "./time";
import type { Account } from "./wire";

export type JobSpec = Pick<SyncJob, "region" | "namespace" | "repoName" | "tag" | "remoteRegionId" | "remoteNamespace" | "override">;

interface Outcome {
  status: SyncStatus;
  reason?: string;
}

/**
 * Runs sync jobs asynchronously: each job goes waiting → running → terminal, one step per `delayMs`.
 * Terminal states: `success` (copied, or the target already had the same digest), `existed` (the target
 * has the tag with a different digest and override is false: left untouched — our reading of the
 * contract's open question #3), or an injected `failed`/`timeout`/`cancel`.
 */
export class SyncEngine {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly faults: Faults,
    private readonly account: Account,
    private readonly delayMs: number,
    private readonly now: () => Date,
  ) {}

  enqueue(spec: JobSpec, operator: Creator): SyncJob {
    const at = formatTime(this.now());
    const job = this.store.addJob({
      ...spec,
      createdAt: at,
      updatedAt: at,
      domainID: this.account.domainId,
      domainName: this.account.domainName,
      status: "waiting",
      syncOperatorId: operator.id,
      syncOperatorName: operator.name,
    });
    this.schedule(job);
    return job;
  }

  /** Starts a job for every automatic-sync rule of the repository a tag was just pushed to. */
  tagPushed(region: string, namespace: string, repoName: string, tag: string, operator: Creator): SyncJob[] {
    return this.store.rules
      .filter((r) => r.syncAuto && r.region === region && r.namespace === namespace && r.repoName === repoName)
      .map((r) => this.enqueue({ region, namespace, repoName, tag, remoteRegionId: r.remoteRegionId, remoteNamespace: r.remoteNamespace, override: r.override }, operator));
  }

  /** Picks up jobs that were still in flight when the state was saved. */
  resumePending(): void {
    for (const job of this.store.jobs) if (job.status === "waiting" || job.status === "running") this.schedule(job);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(job: SyncJob): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.advance(job);
    }, this.delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private advance(job: SyncJob): void {
    const updatedAt = formatTime(this.now());
    if (job.status === "waiting") {
      this.store.updateJob(job, { status: "running", updatedAt });
      this.schedule(job);
    } else if (job.status === "running") {
      this.store.updateJob(job, { ...this.complete(job), updatedAt });
    }
  }

  private complete(job: SyncJob): Outcome {
    const injected = this.faults.syncFailure(job.region, job.namespace, job.repoName, job.tag);
    if (injected) return { status: injected.status, reason: injected.reason ?? "injected failure" };
    const sourceNs = this.store.namespace(job.region, job.namespace);
    const sourceRepo = sourceNs && this.store.repo(sourceNs, job.repoName);
    const source = sourceRepo && this.store.tag(sourceRepo, job.tag);
    if (!sourceRepo || !source) return { status: "failed", reason: "the source tag no longer exists" };
    const targetNs = this.store.namespace(job.remoteRegionId, job.remoteNamespace);
    if (!targetNs) return { status: "failed", reason: "the target namespace no longer exists" };
    const targetRepo = this.store.repo(targetNs, job.repoName);
    const existing = targetRepo && this.store.tag(targetRepo, job.tag);
    if (existing?.digest === source.digest) return { status: "success" };
    if (existing && !job.override) return { status: "existed" };
    const at = formatTime(this.now());
    const operator = { id: job.syncOperatorId, name: job.syncOperatorName };
    const { name, category, description, is_public } = sourceRepo;
    const repo = targetRepo ?? this.store.addRepo(targetNs, { name, category, description, is_public }, operator, at);
    const { id: _id, ...content } = source;
    this.store.putTag(repo, { ...content, scanned: false, created: at, updated: at });
    return { status: "success" };
  }
}
