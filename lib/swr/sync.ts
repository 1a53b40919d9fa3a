import "server-only";
import { readRepository, type SwrCaller } from "./caller";
import { decode } from "./decode";
import { parseErrorBody } from "./error-body";
import { SwrError } from "./errors";
import {
  type AutoSyncRuleInput,
  autoSyncRuleInputSchema,
  type AutoSyncTarget,
  autoSyncTargetSchema,
  type ListSyncJobsOptions,
  listSyncJobsOptionsSchema,
  type ManualSyncInput,
  manualSyncInputSchema,
} from "./options";
import { type Page, toPage } from "./pagination";
import { filterParam, repositoryPath } from "./paths";
import { documentedSyncTargets, regionLabel, type SwrRegion, type SyncTargetOrigin } from "./regions";
import {
  type AutoSyncRule,
  autoSyncRulesBodySchema,
  manualSyncBodySchema,
  type SyncJob,
  syncJobsBodySchema,
  type SyncRegion,
  syncRegionsBodySchema,
} from "./wire";

// Sync operations: manual sync, job records, auto-sync rules, sync targets (contract §8.7–§8.12).

const RULE_NOT_FOUND_CODE = "SVCSTG.SWR.4001158";

export interface ManualSyncReceipt {
  submittedTags: string[];
  /** SWR's 200 body, whose meaning (done or failed tags) is unknown: record it, never act on it (§11 #1). */
  reportedTags?: string[];
  requestId?: string;
  /** SWR's `Date` header: compare job records against this rather than our clock. */
  serverTime?: string;
}

export interface SyncTargets {
  regions: SwrRegion[];
  /** `swr` when ListSyncRegions answered with regions, `documented` for SWR's documented sync regions minus the source. */
  origin: SyncTargetOrigin;
  /** Why the documented list was used. */
  fallbackReason?: string;
}

export function syncOperations(swr: SwrCaller) {
  async function createManualSync(region: string, namespace: string, repository: string, input: ManualSyncInput): Promise<ManualSyncReceipt> {
    const operation = "CreateManualImageSyncRepo";
    const body = manualSyncInputSchema
      .refine((b) => b.remoteRegionId !== region, { path: ["remoteRegionId"], message: "jobErrors.targetIsSource" })
      .parse(input);
    const result = await swr.call({
      operation,
      region,
      method: "POST",
      path: repositoryPath(namespace, repository, "/sync_images"),
      body,
      resource: { namespace, repository, targetNamespace: body.remoteNamespace, targetRegion: body.remoteRegionId },
    });
    const tags = manualSyncBodySchema.safeParse(result.body);
    if (!tags.success) {
      // An object here is an error body that came with a 2xx (§8.7); one without a code is tolerated.
      const { code, message } = parseErrorBody(JSON.stringify(result.body));
      if (code || message) {
        throw new SwrError({ kind: "http", operation, region, status: 400, code, swrMessage: message, requestId: result.requestId });
      }
    }
    return {
      submittedTags: body.imageTag,
      reportedTags: tags.success ? (tags.data ?? undefined) : undefined,
      requestId: result.requestId,
      serverTime: result.date,
    };
  }

  async function listSyncJobs(region: string, namespace: string, repository: string, options: ListSyncJobsOptions = {}): Promise<Page<SyncJob>> {
    const operation = "ShowSyncJob";
    const o = listSyncJobsOptionsSchema.parse(options);
    const filter = filterParam({ limit: o.limit, offset: o.offset, order: o.order });
    const result = await readRepository(swr, { operation, region, namespace, repository, suffix: "/sync_job", query: { filter } });
    return toPage(decode(syncJobsBodySchema, result, { operation, region }), o, result.contentRange);
  }

  async function listAutoSyncRules(region: string, namespace: string, repository: string): Promise<AutoSyncRule[]> {
    const operation = "ListImageAutoSyncReposDetails";
    const result = await readRepository(swr, { operation, region, namespace, repository, suffix: "/sync_repo" });
    return decode(autoSyncRulesBodySchema, result, { operation, region });
  }

  async function createAutoSyncRule(region: string, namespace: string, repository: string, input: AutoSyncRuleInput): Promise<void> {
    const body = autoSyncRuleInputSchema.parse(input);
    await swr.call({
      operation: "CreateImageSyncRepo",
      region,
      method: "POST",
      path: repositoryPath(namespace, repository, "/sync_repo"),
      body,
      resource: { namespace, repository, targetNamespace: body.remoteNamespace, targetRegion: body.remoteRegionId },
    });
  }

  /** Deletes the rule for one target; a rule that is already gone counts as deleted. */
  async function deleteAutoSyncRule(region: string, namespace: string, repository: string, target: AutoSyncTarget): Promise<{ alreadyDeleted: boolean }> {
    const body = autoSyncTargetSchema.parse(target);
    try {
      await swr.call({
        operation: "DeleteImageSyncRepo",
        region,
        method: "DELETE",
        path: repositoryPath(namespace, repository, "/sync_repo"),
        body,
        // Deleting twice leaves the same state, so a lost answer may be asked again.
        idempotent: true,
        resource: { namespace, repository },
      });
      return { alreadyDeleted: false };
    } catch (e) {
      if (e instanceof SwrError && e.code === RULE_NOT_FOUND_CODE) return { alreadyDeleted: true };
      throw e;
    }
  }

  /** ListSyncRegions as SWR answers it: the regions a sync from `region` may target (the caller's own may be among them). */
  async function listSyncRegions(region: string): Promise<SyncRegion[]> {
    const operation = "ListSyncRegions";
    const result = await swr.call({ operation, region, method: "GET", path: "/v2/manage/regions" });
    return decode(syncRegionsBodySchema, result, { operation, region });
  }

  /** Where a sync from `source` may go: ListSyncRegions when it answers with regions, else the documented sync regions minus the source. */
  async function listSyncTargets(source: string): Promise<SyncTargets> {
    const documented = (fallbackReason: string): SyncTargets => ({ regions: documentedSyncTargets(source), origin: "documented", fallbackReason });
    let listed: SyncRegion[];
    try {
      listed = await listSyncRegions(source);
    } catch (e) {
      const answered = e instanceof SwrError && (e.kind === "http" || e.kind === "invalid_response");
      if (!answered) throw e;
      return documented(e.message);
    }
    const ids = [...new Set(listed.map((r) => r.id))].filter((id) => id !== source);
    if (ids.length === 0) return documented(`SWR in ${source} listed no sync regions.`);
    return { regions: ids.map((id) => ({ id, label: regionLabel(id) })), origin: "swr" };
  }

  return { createManualSync, listSyncJobs, listAutoSyncRules, createAutoSyncRule, deleteAutoSyncRule, listSyncRegions, listSyncTargets };
}
